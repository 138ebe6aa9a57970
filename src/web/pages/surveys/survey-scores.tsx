import { useTranslation } from "react-i18next";
import { ApiError, localMessage } from "../../api/api-error.ts";
import { ErrorPanel, Loading } from "../../components/status-panels.tsx";
import { formatScore } from "../../format.ts";
import { useSurveyResults } from "./use-surveys.ts";

/** Scores from the tallies, or why they are not shown yet (while collecting, to the agency). */
export function SurveyScores({
  agencyId,
  assessmentId,
}: {
  agencyId: string;
  assessmentId: string;
}) {
  const { t, i18n } = useTranslation();
  const results = useSurveyResults(agencyId, assessmentId);
  const language = i18n.language;
  if (results.isPending) return <Loading />;
  if (results.isError) {
    const error = results.error;
    if (error instanceof ApiError && error.status === 403)
      return (
        <div className="panel panel-empty">
          <p className="panel-title">{t("surveys.scores.hidden")}</p>
          <p>{localMessage(error.message, language)}</p>
        </div>
      );
    return <ErrorPanel error={error} onRetry={() => void results.refetch()} />;
  }
  return (
    <>
      {results.data.tools.map((tool) => (
        <div key={tool.tool} className="table-wrap">
          <table>
            <caption>
              {t("surveys.scores.caption", { tool: tool.tool })} ·{" "}
              {t("surveys.scores.respondents", { count: tool.respondents })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("surveys.scores.indicator")}</th>
                <th scope="col">{t("surveys.scores.score")}</th>
              </tr>
            </thead>
            <tbody>
              {tool.indicators.map((indicator) => (
                <tr key={indicator.number}>
                  <th scope="row">
                    {indicator.number}. {language === "en" ? indicator.name.en : indicator.name.th}
                  </th>
                  <td className="number">
                    {indicator.score === null
                      ? t("surveys.scores.noScore")
                      : formatScore(indicator.score, language)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}
