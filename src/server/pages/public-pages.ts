// The public pages' renderers in one module, which the routes load on first use: React's server
// renderer then costs nothing at start-up.

export { renderAgencyYearPage } from "./agency-year-page.tsx";
export { renderErrorPage } from "./error-page.tsx";
export { renderOitIndexPage } from "./oit-index-page.tsx";
export { renderOitItemPage } from "./oit-item-page.tsx";
