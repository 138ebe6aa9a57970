import type { ReactNode } from "react";

/** A wide table that scrolls sideways on a phone; focusable and named, so keyboards can scroll it too. */
export function TableRegion({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard
    <section className={`table-wrap ${className ?? ""}`.trim()} aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
