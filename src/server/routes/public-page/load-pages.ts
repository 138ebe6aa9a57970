type PublicPages = typeof import("../../pages/public-pages.ts");

let pages: Promise<PublicPages> | undefined;

/** The page renderers, loaded on first use so React's server renderer costs nothing at start-up. */
export function publicPages(): Promise<PublicPages> {
  pages ??= import("../../pages/public-pages.ts");
  return pages;
}
