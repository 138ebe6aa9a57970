import "./measures/measures.css";
import "./progress/progress.css";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ProgressKind, ProgressReportResponse } from "../../shared/progress.ts";
import { api } from "../api/client.ts";
import { keys } from "../api/queries.ts";
import { EmptyState, ErrorPanel, Loading } from "../components/status-panels.tsx";
import { fiscalYearBounds, sixMonthDay } from "../fiscal-year.ts";
import { formatDate } from "../format.ts";
import { useMeasurePermissions, useMeasures } from "./measures/use-measures.ts";
import { ReportForm } from "./progress/report-form.tsx";
import { ReportView } from "./progress/report-view.tsx";
import { useYear } from "./use-year.ts";

const kinds: readonly ProgressKind[] = ["six_month", "year_end"];

/** The six-month and year-end reports on the measures: the evidence that they were carried out. */
export function ProgressPage() {
  const { t, i18n } = useTranslation();
  const { agencyId, fiscalYear, dashboard, assessment } = useYear();
  const assessmentId = assessment?.id ?? "";
  const measures = useMeasures(agencyId, assessment?.id);
  const reports = useQuery({
    queryKey: keys.progress(agencyId, assessmentId),
    queryFn: () =>
      api<ProgressReportResponse[]>(
        `/api/agencies/${agencyId}/assessments/${assessmentId}/progress`,
      ),
    enabled: Boolean(assessment),
  });
  const { manages } = useMeasurePermissions(agencyId);
  const [editing, setEditing] = useState<ProgressKind | undefined>();
  const [notice, setNotice] = useState("");

  if (dashboard.isPending) return <Loading />;
  if (dashboard.isError)
    return <ErrorPanel error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  if (!assessment)
    return (
      <EmptyState title={t("dashboard.noAssessment", { year: fiscalYear })}>
        {t("home.noYearsHint")}
      </EmptyState>
    );
  const language = i18n.language;
  const { start, end } = fiscalYearBounds(fiscalYear);
  const periods: Record<ProgressKind, string> = {
    six_month: `${formatDate(start, language)} – ${formatDate(sixMonthDay(fiscalYear), language)}`,
    year_end: `${formatDate(start, language)} – ${formatDate(end, language)}`,
  };
  const base = `/agencies/${agencyId}/${fiscalYear}`;

  return (
    <>
      <h1>
        {t("progress.title")}
        <span className="subtitle">
          {dashboard.data.agency.name} · {t("measures.year", { year: fiscalYear })}
        </span>
      </h1>
      <div role="status">{notice && <p className="panel panel-ok">{notice}</p>}</div>
      {measures.isPending || reports.isPending ? (
        <Loading />
      ) : measures.isError ? (
        <ErrorPanel error={measures.error} onRetry={() => void measures.refetch()} />
      ) : reports.isError ? (
        <ErrorPanel error={reports.error} onRetry={() => void reports.refetch()} />
      ) : (
        <>
          {reports.data.length === 0 && (
            <EmptyState title={t("progress.empty")}>
              <p>{t("progress.emptyWhy")}</p>
              <ul>
                <li>{t("progress.emptySixMonth")}</li>
                <li>{t("progress.emptyYearEnd")}</li>
              </ul>
              {measures.data.length === 0 && (
                <p>
                  {t("progress.noMeasuresYet")}{" "}
                  <Link to={`${base}/measures`}>{t("progress.toMeasures")}</Link>
                </p>
              )}
            </EmptyState>
          )}
          {!manages && <p className="muted">{t("progress.readOnly")}</p>}
          <div className="report-list">
            {kinds.map((kind) => {
              const saved = reports.data.find((r) => r.kind === kind);
              const headingId = `report-${kind}-heading`;
              return (
                <section key={kind} className="card" aria-labelledby={headingId}>
                  <h2 id={headingId}>{t(`progress.kind.${kind}`)}</h2>
                  <p className="muted">{t(`progress.about.${kind}`, { period: periods[kind] })}</p>
                  {editing === kind ? (
                    <ReportForm
                      agencyId={agencyId}
                      assessmentId={assessment.id}
                      fiscalYear={fiscalYear}
                      kind={kind}
                      measures={measures.data}
                      saved={saved}
                      onCancel={() => setEditing(undefined)}
                      onSaved={() => {
                        setEditing(undefined);
                        setNotice(t(`progress.saved.${kind}`));
                      }}
                    />
                  ) : (
                    <>
                      {saved ? (
                        <ReportView report={saved} measures={measures.data} />
                      ) : (
                        <p className="not-yet">{t("progress.notYet")}</p>
                      )}
                      {manages && (
                        <button
                          type="button"
                          className={saved ? "button" : "button button-primary"}
                          onClick={() => {
                            setNotice("");
                            setEditing(kind);
                          }}
                        >
                          {saved ? t(`progress.edit.${kind}`) : t(`progress.start.${kind}`)}
                        </button>
                      )}
                    </>
                  )}
                </section>
              );
            })}
          </div>
        </>
      )}
    </>
  );
}
