import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";

/** The year's journeys, in the order the work is done. */
export const yearSections = [
  { path: "", key: "nav.dashboard" },
  { path: "results", key: "nav.results" },
  { path: "analysis", key: "nav.analysis" },
  { path: "surveys", key: "surveys.nav" },
  { path: "oit", key: "oit.nav" },
  { path: "measures", key: "measures.nav" },
  { path: "documents", key: "documents.nav" },
  { path: "progress", key: "progress.nav" },
  { path: "audit", key: "audit.nav" },
] as const;

export function YearNav({ agencyId, fiscalYear }: { agencyId: string; fiscalYear: string }) {
  const { t } = useTranslation();
  const base = `/agencies/${agencyId}/${fiscalYear}`;
  return (
    <nav aria-label={t("nav.label")} className="year-nav">
      <ul>
        {yearSections.map((section) => (
          <li key={section.key}>
            {/* The overview matches only itself; a section stays current on its sub-pages. */}
            <NavLink to={section.path ? `${base}/${section.path}` : base} end={!section.path}>
              {t(section.key)}
            </NavLink>
          </li>
        ))}
        <li>
          <NavLink to={`/agencies/${agencyId}/settings`}>{t("nav.settings")}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
