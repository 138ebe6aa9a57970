import "./analysis/analysis.css";
import { lazy, Suspense, useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { EmptyState, ErrorPanel, Loading } from "../components/status-panels.tsx";
import { IndicatorTable } from "./analysis/indicator-table.tsx";
import { localText } from "./analysis/local-text.ts";
import { OverviewCard } from "./analysis/overview-card.tsx";
import { ScorePlanner } from "./analysis/score-planner.tsx";
import { StrengthsWeaknesses } from "./analysis/strengths-weaknesses.tsx";
import { SuggestedMeasures } from "./analysis/suggested-measures.tsx";
import { useAnalysis, useLevels } from "./analysis/use-analysis.ts";
import { useYear } from "./use-year.ts";

// ECharts loads in its own chunk, after the figures: the table beside it is there at once.
const IndicatorChart = lazy(async () => ({
  default: (await import("./analysis/indicator-chart.tsx")).IndicatorChart,
}));

const sections = [
  { anchor: "overview-heading", key: "analysis.overview.heading" },
  { anchor: "indicators-heading", key: "analysis.indicators.heading" },
  { anchor: "bands-heading", key: "analysis.bands.heading" },
  { anchor: "planner-heading", key: "analysis.planner.heading" },
  { anchor: "suggested-heading", key: "analysis.measures.heading" },
] as const;

/** The analysis of the result this year's measures answer, and what to do about it. */
export function AnalysisPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { agencyId, fiscalYear, dashboard, assessment } = useYear();
  const analysis = useAnalysis(agencyId, assessment?.id);
  const result = analysis.data?.result ?? null;
  const levels = useLevels(result?.frameworkId);
  const base = `/agencies/${agencyId}/${fiscalYear}`;
  const indicatorPath = useCallback((n: number) => `${base}/analysis/${n}`, [base]);
  const onSelect = useCallback(
    (n: number) => navigate(indicatorPath(n)),
    [navigate, indicatorPath],
  );

  if (dashboard.isPending || (assessment && analysis.isPending)) return <Loading />;
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
  if (analysis.isError)
    return (
      <>
        <h1>{t("analysis.title")}</h1>
        <ErrorPanel error={analysis.error} onRetry={() => void analysis.refetch()} />
      </>
    );
  if (!result)
    return (
      <>
        <h1>{t("analysis.title")}</h1>
        <EmptyState
          title={t("analysis.noResult")}
          action={
            <Link className="button button-primary" to={`${base}/results`}>
              {t("analysis.goToResults")}
            </Link>
          }
        >
          {analysis.data?.reason && localText(analysis.data.reason, i18n.language)}
        </EmptyState>
      </>
    );

  const previousLevel =
    dashboard.data.assessments.find((a) => a.fiscalYear === result.previous?.fiscalYear)?.result
      ?.computedLevel ?? null;
  return (
    <>
      <h1>
        {t("analysis.title")}
        <span className="subtitle">
          {t("analysis.subtitle", { analysed: result.fiscalYear, year: fiscalYear })} ·{" "}
          {dashboard.data.agency.name}
        </span>
      </h1>
      <nav aria-label={t("analysis.onThisPage")} className="page-toc">
        <ul className="inline">
          {sections.map((section) => (
            <li key={section.anchor}>
              <a href={`#${section.anchor}`}>{t(section.key)}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="overview-heading" className="analysis-section">
        <h2 id="overview-heading">{t("analysis.overview.heading")}</h2>
        <OverviewCard result={result} previousLevel={previousLevel} />
      </section>

      <section aria-labelledby="indicators-heading" className="analysis-section">
        <h2 id="indicators-heading">{t("analysis.indicators.heading")}</h2>
        <div className="chart-and-table">
          <Suspense fallback={<Loading label={t("analysis.indicators.chartLoading")} />}>
            <IndicatorChart result={result} onSelect={onSelect} />
          </Suspense>
          <IndicatorTable result={result} indicatorPath={indicatorPath} />
        </div>
      </section>

      <section aria-labelledby="bands-heading" className="analysis-section">
        <h2 id="bands-heading">{t("analysis.bands.heading")}</h2>
        <StrengthsWeaknesses result={result} indicatorPath={indicatorPath} />
      </section>

      <section aria-labelledby="planner-heading" className="analysis-section">
        <h2 id="planner-heading">{t("analysis.planner.heading")}</h2>
        <ScorePlanner planner={result.planner} levels={levels.data} />
      </section>

      <div className="analysis-section">
        <SuggestedMeasures
          agencyId={agencyId}
          assessmentId={assessment.id}
          fiscalYear={fiscalYear}
          result={result}
        />
      </div>
    </>
  );
}
