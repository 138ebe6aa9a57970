import { useTranslation } from "react-i18next";
import type { ResultResponse } from "../../../shared/result.ts";
import { formatDateTime, formatScore } from "../../format.ts";

/** The headline figures: the official overall beside the recomputed one, why they differ, and who wrote them. */
export function ResultSummary({ result }: { result: ResultResponse }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const score = (value: number) => formatScore(value, language);
  const official = result.official;
  const level = official?.level ?? result.computed.level;
  const rating = result.rating && (language === "en" ? result.rating.en : result.rating.th);
  const explanation =
    result.explanation && (language === "en" ? result.explanation.en : result.explanation.th);
  return (
    <div>
      <p className="muted">
        {official ? t("results.officialOverall") : t("results.computedOverall")}
      </p>
      <p className="big-number">
        {score(official?.overall ?? result.computed.overall)}
        <span className="muted"> · {t("results.level")} </span>
        {level}
      </p>
      <dl className="result-facts">
        {rating && (
          <>
            <dt>{t("results.rating")}</dt>
            <dd>{rating}</dd>
          </>
        )}
        <dt>{t("results.recomputed")}</dt>
        <dd data-testid="computed">
          {t("results.recomputedValue", {
            overall: score(result.computed.overall),
            level: result.computed.level,
          })}
        </dd>
        <dt>{t("results.source")}</dt>
        <dd>{t(`results.sources.${result.source}`)}</dd>
        <dt>{t("results.updated")}</dt>
        <dd>
          {t("results.updatedBy", {
            name: result.updatedByName ?? t("results.updatedBySystem"),
            when: formatDateTime(result.updatedAt, language),
          })}
        </dd>
      </dl>
      {explanation ? (
        <div className="panel panel-warning">
          <p className="panel-title">{t("results.discrepancyTitle")}</p>
          <p>{explanation}</p>
          <p>{t("results.discrepancyHint")}</p>
        </div>
      ) : (
        <p className="muted">{official ? t("results.agrees") : t("results.noOfficial")}</p>
      )}
    </div>
  );
}
