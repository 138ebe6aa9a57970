import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";

/** The year's journeys, in the order the work is done. */
export const yearSections = [
  { path: "", key: "nav.dashboard" },
  { path: "documents", key: "documents.nav" },
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
            <NavLink to={section.path ? `${base}/${section.path}` : base} end>
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
