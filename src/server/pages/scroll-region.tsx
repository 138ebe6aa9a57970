import type { ReactNode } from "react";

interface ScrollRegionProps {
  label?: string;
  labelledBy?: string;
  className?: string;
}

/**
 * A wide table that scrolls sideways on a narrow phone instead of widening the page. It takes
 * keyboard focus so people without a pointer can scroll it too (WCAG 2.1.1).
 */
export function ScrollRegion({
  label,
  labelledBy,
  className = "scroll",
  children,
}: ScrollRegionProps & { children: ReactNode }) {
  return (
    <section
      className={className}
      aria-label={label}
      aria-labelledby={labelledBy}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
    >
      {children}
    </section>
  );
}

/** The same for markup our own renderers made (the chart's SVG), never text a user typed. */
export function ScrollRegionHtml({
  label,
  labelledBy,
  className = "scroll",
  html,
}: ScrollRegionProps & { html: string }) {
  return (
    <section
      className={className}
      aria-label={label}
      aria-labelledby={labelledBy}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: our renderers escape every text they draw
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
