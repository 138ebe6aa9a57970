import type { ReactElement, ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { publicCss } from "./public-styles.ts";

// The frame of every server-rendered page (public pages now, respondent surveys later): Thai
// first, landmarks, a skip link, and no script at all.

export interface Crumb {
  label: string;
  /** Absent on the current page. */
  href?: string;
}

export interface PageLayoutProps {
  /** The browser tab's title. */
  title: string;
  description?: string;
  /** Where the page sits, from the agency down; the last is the page itself. */
  crumbs?: Crumb[];
  children: ReactNode;
}

export function PageLayout({ title, description, crumbs = [], children }: PageLayoutProps) {
  return (
    <html lang="th">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {description ? <meta name="description" content={description} /> : null}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: our own constant stylesheet */}
        <style dangerouslySetInnerHTML={{ __html: publicCss }} />
      </head>
      <body>
        <a className="skip" href="#main">
          ข้ามไปยังเนื้อหาหลัก
        </a>
        <header className="site">
          <p>
            <span className="brand">โปร่งใส</span> <span lang="en">Prongsai</span> ·
            ข้อมูลคุณธรรมและความโปร่งใสของหน่วยงานภาครัฐ
          </p>
        </header>
        {crumbs.length > 0 ? (
          <nav className="crumbs" aria-label="ตำแหน่งของหน้านี้">
            <ol>
              {crumbs.map((crumb) => (
                <li key={crumb.label}>
                  {crumb.href ? (
                    <a href={crumb.href}>{crumb.label}</a>
                  ) : (
                    <span aria-current="page">{crumb.label}</span>
                  )}
                </li>
              ))}
            </ol>
          </nav>
        ) : null}
        <main id="main">{children}</main>
        <footer className="site">
          <p>
            เผยแพร่ผ่านระบบโปร่งใส ตามการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA){" "}
            <span lang="en">Integrity and Transparency Assessment</span>
          </p>
        </footer>
      </body>
    </html>
  );
}

/** The page as one HTML5 document. */
export function renderPage(page: ReactElement): string {
  return `<!DOCTYPE html>\n${renderToStaticMarkup(page)}`;
}
