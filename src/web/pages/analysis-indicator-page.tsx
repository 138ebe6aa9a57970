import "./analysis/analysis.css";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { EmptyState, ErrorPanel, Loading } from "../components/status-panels.tsx";
import { formatScore } from "../format.ts";
import { BandBadge } from "./analysis/bands.tsx";
import { localText } from "./analysis/local-text.ts";
import { OitItemList } from "./analysis/oit-item-list.tsx";
import { QuestionList } from "./analysis/question-list.tsx";
import { ScoreChange } from "./analysis/score-change.tsx";
import { useIndicatorAnalysis } from "./analysis/use-analysis.ts";
import { useYear } from "./use-year.ts";

/** One indicator in detail: what it measures and expects, how to improve, its questions or items. */
export function AnalysisIndicatorPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { indicator: param = "" } = useParams();
  const { agencyId, fiscalYear, dashboard, assessment } = useYear();
  const number = Number(param);
  const detail = useIndicatorAnalysis(agencyId, assessment?.id, number);
  const back = (
    <p>
      <Link to={`/agencies/${agencyId}/${fiscalYear}/analysis`}>
        <span aria-hidden="true">← </span>
        {t("analysis.detail.back")}
      </Link>
    </p>
  );

  if (dashboard.isPending || (assessment && detail.isPending)) return <Loading />;
  if (dashboard.isError)
    return <ErrorPanel error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  if (!assessment)
    return (
      <>
        <h1>{t("analysis.title")}</h1>
        <EmptyState title={t("analysis.noAssessment", { year: fiscalYear })}>
          {t("analysis.noAssessmentHint")}
        </EmptyState>
      </>
    );
  if (detail.isError)
    return (
      <>
        <h1>{t("analysis.title")}</h1>
        {back}
        <ErrorPanel error={detail.error} onRetry={() => void detail.refetch()} />
      </>
    );

  const data = detail.data;
  if (!data) return <Loading />;
  const { indicator } = data;
  return (
    <>
      {back}
      <h1>
        {t("analysis.detail.title", {
          number: indicator.number,
          name: localText(indicator.name, language),
        })}
        <span className="subtitle">
          {t("analysis.detail.subtitle", {
            year: data.analysedFiscalYear ?? fiscalYear,
            tool: indicator.tool,
          })}
        </span>
      </h1>

      <section className="card indicator-scores" aria-labelledby="scores-heading">
        <h2 id="scores-heading">{t("analysis.detail.scores")}</h2>
        {data.score === null ? (
          <p>
            {t("analysis.detail.noScore")}
            {data.reason && <> — {localText(data.reason, language)}</>}
          </p>
        ) : (
          <dl className="score-pair">
            <div>
              <dt>{t("analysis.detail.score", { year: data.analysedFiscalYear })}</dt>
              <dd>
                <span className="big-number">{formatScore(data.score, language)}</span>{" "}
                {data.band && <BandBadge band={data.band} />}
              </dd>
            </div>
            <div>
              <dt>
                {data.previous
                  ? t("analysis.detail.previous", { year: data.previous.fiscalYear })
                  : t("analysis.indicators.lastYear")}
              </dt>
              <dd>
                {data.previous && (
                  <span className="big-number">{formatScore(data.previous.score, language)}</span>
                )}{" "}
                <ScoreChange change={data.previous?.change} />
              </dd>
            </div>
          </dl>
        )}
      </section>

      <div className="grid">
        <section className="card" aria-labelledby="purpose-heading">
          <h2 id="purpose-heading">{t("analysis.detail.purpose")}</h2>
          <p>{data.purpose ?? t("analysis.detail.noContent")}</p>
        </section>
        <section className="card" aria-labelledby="expects-heading">
          <h2 id="expects-heading">{t("analysis.detail.expects")}</h2>
          <p>{data.expects ?? t("analysis.detail.noContent")}</p>
        </section>
      </div>

      {data.recommendations.length > 0 && (
        <section className="analysis-section" aria-labelledby="recommendations-heading">
          <h2 id="recommendations-heading">{t("analysis.detail.recommendations")}</h2>
          <ul>
            {data.recommendations.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </section>
      )}

      <section className="analysis-section" aria-labelledby="questions-heading">
        <h2 id="questions-heading">
          {indicator.toolKind === "checklist"
            ? t("analysis.detail.items")
            : t("analysis.detail.questions")}
        </h2>
        {data.detailReason && (
          <div className="panel panel-note">
            <p className="panel-title">{t("analysis.detail.detailMissing")}</p>
            <p>{localText(data.detailReason, language)}</p>
          </div>
        )}
        {indicator.toolKind === "checklist" ? (
          <OitItemList items={data.items} />
        ) : (
          <QuestionList questions={data.questions} />
        )}
      </section>
    </>
  );
}
