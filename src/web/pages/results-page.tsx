import "./results/results.css";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ResultResponse } from "../../shared/result.ts";
import { EmptyState, ErrorPanel, Loading } from "../components/status-panels.tsx";
import { formatScore } from "../format.ts";
import { ImportPanel } from "./results/import-panel.tsx";
import { IndicatorTable } from "./results/indicator-table.tsx";
import { ResultForm } from "./results/result-form.tsx";
import { ResultSummary } from "./results/result-summary.tsx";
import {
  useCanWriteResults,
  useResult,
  useResultYears,
  useYearFramework,
} from "./results/use-results.ts";
import { YearChoice } from "./results/year-choice.tsx";

/** The official ITA result of the year the measures analyse (and of this year): shown, typed in, or imported. */
export function ResultsPage() {
  const { t, i18n } = useTranslation();
  const { agencyId, fiscalYear, dashboard, years, analysedYear, chosen } = useResultYears();
  const assessment = chosen?.assessment;
  const result = useResult(agencyId, assessment?.id);
  const framework = useYearFramework(chosen?.fiscalYear ?? analysedYear, assessment?.frameworkId);
  const canWrite = useCanWriteResults(agencyId);
  const [editing, setEditing] = useState<number | null>(null);
  const [saved, setSaved] = useState<ResultResponse | null>(null);
  if (dashboard.isPending) return <Loading />;
  if (dashboard.isError)
    return <ErrorPanel error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const agency = dashboard.data.agency;
  const year = chosen?.fiscalYear ?? analysedYear;
  const stored = result.data ?? null;
  const isEditing = editing === year && assessment && framework.data;
  const savedHere = saved && saved.assessmentId === assessment?.id ? saved : null;
  const startEditing = () => {
    setSaved(null);
    setEditing(year);
  };

  const resultBody = () => {
    if (!assessment)
      return (
        <EmptyState title={t("results.noAssessment", { year })}>
          {t("results.noAssessmentHint")}
        </EmptyState>
      );
    if (result.isPending || framework.isPending) return <Loading />;
    if (result.isError)
      return <ErrorPanel error={result.error} onRetry={() => void result.refetch()} />;
    if (framework.isError) return <ErrorPanel error={framework.error} />;
    if (!stored)
      return (
        <EmptyState
          title={t("results.noResult", { year })}
          action={
            canWrite && (
              <div className="inline">
                <button type="button" className="button button-primary" onClick={startEditing}>
                  {t("results.enterNow")}
                </button>
                <a className="button" href="#import">
                  {t("results.goImport")}
                </a>
              </div>
            )
          }
        >
          {t("results.noResultHint", { count: framework.data.indicators.length })}
        </EmptyState>
      );
    return (
      <>
        <ResultSummary result={stored} />
        <h3>{t("results.indicators")}</h3>
        <IndicatorTable framework={framework.data} scores={stored.indicators} />
        {canWrite && !isEditing && (
          <p>
            <button type="button" className="button" onClick={startEditing}>
              {t("results.edit")}
            </button>
          </p>
        )}
      </>
    );
  };

  return (
    <div className="results-page">
      <h1>
        {t("results.title")}
        <span className="subtitle">
          {t("results.subtitle", { agency: agency.name, year: fiscalYear })}
        </span>
      </h1>
      <p>{t("results.intro", { year: fiscalYear, analysed: analysedYear })}</p>
      <YearChoice years={years} chosen={year} />
      {savedHere && (
        <p className="panel panel-ok" role="status">
          {t("results.form.saved", {
            overall: formatScore(savedHere.computed.overall, i18n.language),
            level: savedHere.computed.level,
          })}
          {savedHere.explanation && <> {t("results.form.savedFlagged")}</>}
        </p>
      )}
      <section className="card" aria-labelledby="result-heading">
        <h2 id="result-heading">{t("results.heading", { year })}</h2>
        {resultBody()}
      </section>
      {isEditing && (
        <ResultForm
          key={`${assessment.id}:${stored?.updatedAt ?? ""}`}
          agencyId={agencyId}
          assessmentId={assessment.id}
          fiscalYear={year}
          framework={framework.data}
          current={stored}
          onSaved={(response) => {
            setSaved(response);
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {canWrite ? (
        <ImportPanel
          key={year}
          agency={agency}
          fiscalYear={year}
          framework={framework.data}
          result={stored}
          onImported={() => setSaved(null)}
        />
      ) : (
        <p className="muted">{t("results.readOnly")}</p>
      )}
    </div>
  );
}
