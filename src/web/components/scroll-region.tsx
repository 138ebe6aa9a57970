import type { ReactNode } from "react";

/**
 * A wide table's scrolling box, named and reachable with the keyboard, so people on a small
 * screen who do not use a mouse can still scroll it sideways.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-wrap" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
