import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { z } from "zod";
import type { documentVersion } from "../../shared/document.ts";
import type { progressReportResponse } from "../../shared/progress.ts";
import { api } from "../api/client.ts";
import { useAssessment } from "../api/queries.ts";
import { EmptyState, ErrorPanel, Loading } from "../components/status-panels.tsx";
import { formatScore } from "../format.ts";
import { MeasureSummaryCard } from "./dashboard/measure-summary-card.tsx";
import { OitPanel } from "./dashboard/oit-panel.tsx";
import { PhaseList } from "./dashboard/phase-list.tsx";
import { SurveyPanel } from "./dashboard/survey-panel.tsx";
import { type YearStep, YearSteps } from "./dashboard/year-steps.tsx";
import { useYear } from "./use-year.ts";

type DocumentVersion = z.output<typeof documentVersion> & { approvedAt?: string | null };
type ProgressReport = z.output<typeof progressReportResponse>;

/** The year at a glance: windows, what is done and next, and where the measures stand. */
export function YearDashboardPage() {
  const { t, i18n } = useTranslation();
  const { agencyId, fiscalYear, dashboard, assessment, previous } = useYear();
  const base = `/agencies/${agencyId}/${fiscalYear}`;
  const assessmentPath = `/api/agencies/${agencyId}/assessments/${assessment?.id}`;
  const detail = useAssessment(agencyId, assessment?.id);
  const documents = useQuery({
    queryKey: ["agency", agencyId, "assessment", assessment?.id, "documents"],
    queryFn: () => api<DocumentVersion[]>(`${assessmentPath}/documents`),
    enabled: Boolean(assessment),
  });
  const progress = useQuery({
    queryKey: ["agency", agencyId, "assessment", assessment?.id, "progress"],
    queryFn: () => api<ProgressReport[]>(`${assessmentPath}/progress`),
    enabled: Boolean(assessment),
  });
  if (dashboard.isPending) return <Loading />;
  if (dashboard.isError)
    return <ErrorPanel error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  if (!assessment)
    return (
      <EmptyState title={t("dashboard.noAssessment", { year: fiscalYear })}>
        {t("home.noYearsHint")}
      </EmptyState>
    );
  const agency = dashboard.data.agency;
  const reports = progress.data ?? [];
  const steps: YearStep[] = [
    { key: "results", done: Boolean(previous?.result), to: `${base}/results` },
    { key: "measures", done: assessment.measures.total > 0, to: `${base}/measures` },
    { key: "document", done: (documents.data?.length ?? 0) > 0, to: `${base}/documents` },
    {
      key: "approval",
      done: Boolean(documents.data?.some((d) => d.approvedAt)),
      to: `${base}/documents`,
    },
    { key: "sixMonth", done: reports.some((r) => r.kind === "six_month"), to: `${base}/progress` },
    { key: "yearEnd", done: reports.some((r) => r.kind === "year_end"), to: `${base}/progress` },
  ];
  const analysed = previous?.result;
  return (
    <>
      <h1>
        {agency.name}
        <span className="subtitle">{t("dashboard.title", { year: fiscalYear })}</span>
      </h1>
      <div className="grid">
        <section className="card" aria-labelledby="steps-heading">
          <h2 id="steps-heading">{t("dashboard.steps")}</h2>
          {documents.isPending || progress.isPending ? <Loading /> : <YearSteps steps={steps} />}
        </section>
        <section className="card" aria-labelledby="result-heading">
          <h2 id="result-heading">{t("dashboard.result", { year: fiscalYear - 1 })}</h2>
          {analysed ? (
            <p className="big-number">
              {formatScore(analysed.officialOverall ?? analysed.computedOverall, i18n.language)}
              <span className="muted"> · {analysed.computedLevel}</span>
            </p>
          ) : (
            <EmptyState title={t("dashboard.noResult")}>
              <Link to={`${base}/results`}>{t("steps.results.action")}</Link>
            </EmptyState>
          )}
        </section>
        <section className="card" aria-labelledby="measures-heading">
          <h2 id="measures-heading">{t("dashboard.measures")}</h2>
          <MeasureSummaryCard summary={assessment.measures} to={`${base}/measures`} />
        </section>
        <section className="card" aria-labelledby="phases-heading">
          <h2 id="phases-heading">{t("dashboard.phases")}</h2>
          {detail.isPending ? (
            <Loading />
          ) : detail.isError ? (
            <ErrorPanel error={detail.error} />
          ) : (
            <PhaseList phases={detail.data.phases} />
          )}
        </section>
        <section className="card" aria-labelledby="surveys-heading">
          <h2 id="surveys-heading">{t("dashboard.surveys")}</h2>
          <SurveyPanel agencyId={agencyId} assessmentId={assessment.id} to={`${base}/surveys`} />
        </section>
        <section className="card" aria-labelledby="oit-heading">
          <h2 id="oit-heading">{t("dashboard.oit")}</h2>
          <OitPanel agencyId={agencyId} assessmentId={assessment.id} to={`${base}/oit`} />
        </section>
      </div>
      <p>
        <a href={`/p/${agencyId}/${fiscalYear}`}>{t("dashboard.publicPage")}</a>
      </p>
    </>
  );
}
