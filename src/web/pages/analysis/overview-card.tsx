import { useTranslation } from "react-i18next";
import type { AnalysedResult } from "../../../shared/analysis.ts";
import { formatScore } from "../../format.ts";
import { localText } from "./local-text.ts";
import { ScoreChange } from "./score-change.tsx";

/** The overall score, level and rating, against the year before, and the tools' scores. */
export function OverviewCard({
  result,
  previousLevel,
}: {
  result: AnalysedResult;
  /** The level recorded for the previous result's year, when the dashboard knows it. */
  previousLevel: string | null;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { previous, rating, ratingByLaterRule } = result;
  const trend = result.trend.length > 1 ? result.trend : [];
  return (
    <div className="grid">
      <section className="card" aria-labelledby="overall-heading">
        <h3 id="overall-heading">{t("analysis.overview.overall")}</h3>
        <p className="big-number">
          {formatScore(result.overall, language)}
          <span className="muted">
            {" "}
            · {t("analysis.overview.level")} {result.level}
          </span>
        </p>
        {previous ? (
          <p>
            <ScoreChange change={previous.change} />{" "}
            <span className="muted">
              {previousLevel
                ? t("analysis.overview.previousLevel", {
                    year: previous.fiscalYear,
                    score: formatScore(previous.overall, language),
                    level: previousLevel,
                  })
                : t("analysis.overview.previous", {
                    year: previous.fiscalYear,
                    score: formatScore(previous.overall, language),
                  })}
            </span>
          </p>
        ) : (
          <p className="muted">{t("analysis.overview.noPrevious")}</p>
        )}
        <p>
          <strong>{t("analysis.overview.rating")}:</strong>{" "}
          {rating
            ? localText(rating, language)
            : t("analysis.overview.noRating", { year: result.fiscalYear })}
          {ratingByLaterRule && (
            <>
              {" "}
              {t("analysis.overview.laterRating", {
                year: ratingByLaterRule.fiscalYear,
                rating: localText(ratingByLaterRule, language),
              })}
            </>
          )}
        </p>
        {result.official && (
          <p className="muted">
            {t("analysis.overview.official", {
              score: formatScore(result.official.overall, language),
            })}
          </p>
        )}
        {trend.length > 0 && (
          <>
            <h4>{t("analysis.overview.trend")}</h4>
            <ul>
              {trend.map((point) => (
                <li key={point.fiscalYear}>
                  {t("analysis.overview.trendYear", {
                    year: point.fiscalYear,
                    score: formatScore(point.overall, language),
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="tools-heading">
        <h3 id="tools-heading">{t("analysis.overview.tools")}</h3>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("analysis.overview.tool")}</th>
                <th scope="col" className="number">
                  {t("analysis.overview.score")}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.tools.map((tool) => (
                <tr key={tool.id}>
                  <th scope="row">{localText(tool.name, language)}</th>
                  <td className="number">{formatScore(tool.score, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
