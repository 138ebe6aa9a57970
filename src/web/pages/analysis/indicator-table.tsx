import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AnalysedResult } from "../../../shared/analysis.ts";
import { formatScore } from "../../format.ts";
import { BandBadge } from "./bands.tsx";
import { localText } from "./local-text.ts";
import { ScoreChange } from "./score-change.tsx";

/** The chart's figures as a table: indicator, this year, last year, change and band. */
export function IndicatorTable({
  result,
  indicatorPath,
}: {
  result: Pick<AnalysedResult, "indicators" | "fiscalYear">;
  indicatorPath: (indicator: number) => string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <div className="table-wrap">
      <table className="indicator-table">
        <caption>{t("analysis.indicators.caption", { year: result.fiscalYear })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("analysis.indicators.indicator")}</th>
            <th scope="col">{t("analysis.indicators.tool")}</th>
            <th scope="col" className="number">
              {t("analysis.indicators.thisYear", { year: result.fiscalYear })}
            </th>
            <th scope="col" className="number">
              {t("analysis.indicators.lastYear")}
            </th>
            <th scope="col">{t("analysis.indicators.change")}</th>
            <th scope="col">{t("analysis.indicators.band")}</th>
          </tr>
        </thead>
        <tbody>
          {result.indicators.map((indicator) => (
            <tr key={indicator.number}>
              <th scope="row">
                <Link to={indicatorPath(indicator.number)}>
                  {t("analysis.indicators.name", {
                    number: indicator.number,
                    name: localText(indicator.name, language),
                  })}
                </Link>
              </th>
              <td>{indicator.tool}</td>
              <td className="number">{formatScore(indicator.score, language)}</td>
              <td className="number">
                {indicator.previous ? (
                  <>
                    {formatScore(indicator.previous.score, language)}{" "}
                    <span className="muted">
                      {t("analysis.indicators.lastYearOf", {
                        year: indicator.previous.fiscalYear,
                      })}
                    </span>
                  </>
                ) : (
                  <span className="muted">{t("analysis.indicators.noPrevious")}</span>
                )}
              </td>
              <td>
                {indicator.previous ? (
                  <ScoreChange change={indicator.previous.change} />
                ) : (
                  <span className="muted">–</span>
                )}
              </td>
              <td>
                <BandBadge band={indicator.band} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
