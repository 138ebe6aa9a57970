import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { NationalMover, NationalOverview } from "../../../shared/national.ts";
import { TableRegion } from "../../components/table-region.tsx";
import { formatScore } from "../../format.ts";
import { ScoreChange } from "../analysis/score-change.tsx";

/** The agencies whose total rose or fell most against the year before. */
export function MoversSection({ overview }: { overview: NationalOverview }) {
  const { t } = useTranslation();
  const { risers, fallers } = overview.movers;
  const years = { year: overview.fiscalYear, previous: overview.previousFiscalYear };
  return (
    <section aria-labelledby="movers-heading" className="national-section">
      <h2 id="movers-heading">{t("national.movers.heading", years)}</h2>
      {risers.length === 0 && fallers.length === 0 ? (
        <p className="muted">{t("national.movers.none", years)}</p>
      ) : (
        <div className="grid">
          <MoversTable caption={t("national.movers.risers")} movers={risers} years={years} />
          <MoversTable caption={t("national.movers.fallers")} movers={fallers} years={years} />
        </div>
      )}
    </section>
  );
}

function MoversTable({
  caption,
  movers,
  years,
}: {
  caption: string;
  movers: readonly NationalMover[];
  years: { year: number; previous: number };
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <TableRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("national.columns.agency")}</th>
            <th scope="col" className="number">
              {t("national.columns.yearTotal", { year: years.previous })}
            </th>
            <th scope="col" className="number">
              {t("national.columns.yearTotal", { year: years.year })}
            </th>
            <th scope="col">{t("national.columns.change")}</th>
          </tr>
        </thead>
        <tbody>
          {movers.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                {t("national.movers.empty")}
              </td>
            </tr>
          )}
          {movers.map((m) => (
            <tr key={m.agencyId}>
              <th scope="row">
                <Link to={`/agencies/${m.agencyId}`}>{m.name}</Link>
                <span className="muted"> · {m.province}</span>
              </th>
              <td className="number">{formatScore(m.previousTotal, language)}</td>
              <td className="number">{formatScore(m.total, language)}</td>
              <td>
                <ScoreChange change={m.change} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
