import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ResultYear } from "./use-results.ts";

/** Which year's result is shown, as links so the choice is in the address and each is one tap. */
export function YearChoice({ years, chosen }: { years: ResultYear[]; chosen: number | undefined }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("results.yearChoice")} className="year-choice">
      <ul>
        {years.map((year) => (
          <li key={year.fiscalYear}>
            <Link
              to={{ search: `?year=${year.fiscalYear}` }}
              replace
              aria-current={year.fiscalYear === chosen ? "page" : undefined}
            >
              <strong>{t("results.yearTab", { year: year.fiscalYear })}</strong>
              <span>{t(`results.yearRole.${year.role}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
