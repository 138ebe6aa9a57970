import "./measures/measures.css";
import { type ComponentType, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ConfirmDialog } from "../components/modal-dialog.tsx";
import { EmptyState, ErrorPanel, Loading } from "../components/status-panels.tsx";
import { fiscalYearBounds, sixMonthDay } from "../fiscal-year.ts";
import { emptyDraft, keyed, type MeasureFieldsBody } from "./measures/measure-draft.ts";
import { MeasureFormDialog, type MeasureFormTarget } from "./measures/measure-form-dialog.tsx";
import { type MeasureRow, MeasureTable } from "./measures/measure-table.tsx";
import { ProgressDialog } from "./measures/progress-dialog.tsx";
import { isOverdue } from "./measures/status-progress.ts";
import { SuggestedMeasures, type SuggestedMeasuresProps } from "./measures/suggested-measures.tsx";
import {
  useMeasureMutations,
  useMeasurePermissions,
  useMeasures,
} from "./measures/use-measures.ts";
import { useYear } from "./use-year.ts";

/** Where the analysis (and its suggested measures) is read; the empty state sends people there. */
const analysisSection = "analysis";
const allDivisions = "all";

/**
 * The year's improvement measures as the official table, to add, edit, remove and follow up.
 * `Suggestions` is the slot where the library's suggested measures for each weakness appear.
 */
export function MeasuresPage({
  Suggestions = SuggestedMeasures,
}: {
  Suggestions?: ComponentType<SuggestedMeasuresProps>;
}) {
  const { t } = useTranslation();
  const { agencyId, fiscalYear, dashboard, assessment } = useYear();
  const measures = useMeasures(agencyId, assessment?.id);
  const permissions = useMeasurePermissions(agencyId);
  const { remove } = useMeasureMutations(agencyId, assessment?.id ?? "");
  const [search, setSearch] = useSearchParams();
  const [form, setForm] = useState<MeasureFormTarget | undefined>();
  const [progressOf, setProgressOf] = useState<MeasureRow | undefined>();
  const [deleting, setDeleting] = useState<MeasureRow | undefined>();
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
  const { agency, today } = dashboard.data;
  const base = `/agencies/${agencyId}/${fiscalYear}`;
  const division = search.get("division") ?? permissions.division ?? allDivisions;
  const overdueOnly = search.get("overdue") === "1";
  const all: MeasureRow[] = (measures.data ?? []).map((measure, i) => ({
    measure,
    number: i + 1,
    overdue: isOverdue(measure, today),
  }));
  const shown = all.filter(
    (row) =>
      (division === allDivisions || row.measure.responsible.includes(division)) &&
      (!overdueOnly || row.overdue),
  );
  const overdueCount = all.filter((row) => row.overdue).length;
  const setFilter = (name: string, value: string | undefined) =>
    setSearch(
      (params) => {
        if (value === undefined) params.delete(name);
        else params.set(name, value);
        return params;
      },
      { replace: true },
    );

  const openAdd = (prefill: Partial<MeasureFieldsBody> = {}) => {
    const { start, end } = fiscalYearBounds(fiscalYear);
    const ownDivision = permissions.division ?? (division === allDivisions ? undefined : division);
    setNotice("");
    setForm({
      mode: "create",
      draft: {
        ...emptyDraft({
          responsible: ownDivision ? [ownDivision] : [],
          startDate: start,
          dueDate: end,
          ...prefill,
        }),
        ...(prefill.monitoring
          ? {}
          : {
              monitoring: [
                keyed({
                  date: sixMonthDay(fiscalYear),
                  activity: t("measures.form.defaultActivity"),
                }),
              ],
            }),
      },
    });
  };
  const addButton = permissions.canAdd ? (
    <button type="button" className="button button-primary" onClick={() => openAdd()}>
      + {t("measures.add")}
    </button>
  ) : null;

  return (
    <>
      <h1>
        {t("measures.title")}
        <span className="subtitle">
          {agency.name} · {t("measures.year", { year: fiscalYear })}
        </span>
      </h1>
      <div role="status">{notice && <p className="panel panel-ok">{notice}</p>}</div>
      {measures.isPending ? (
        <Loading />
      ) : measures.isError ? (
        <ErrorPanel error={measures.error} onRetry={() => void measures.refetch()} />
      ) : (
        <>
          <Suggestions agencyId={agencyId} assessmentId={assessment.id} fiscalYear={fiscalYear} />
          {all.length === 0 ? (
            <EmptyState
              title={t("measures.empty")}
              action={
                <div className="inline">
                  {addButton}
                  <Link className="button" to={`${base}/${analysisSection}`}>
                    {t("measures.toAnalysis")}
                  </Link>
                </div>
              }
            >
              {t("measures.emptyHint")}
            </EmptyState>
          ) : (
            <>
              <p className="intro">{t("measures.intro")}</p>
              <div className="toolbar">
                {addButton}
                <label className="toolbar-field">
                  <span>{t("measures.filter.division")}</span>
                  <select
                    value={division}
                    onChange={(event) => setFilter("division", event.target.value)}
                  >
                    <option value={allDivisions}>{t("measures.filter.all")}</option>
                    {agency.divisions.map((d) => (
                      <option key={d} value={d}>
                        {d}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={overdueOnly}
                    onChange={(event) =>
                      setFilter("overdue", event.target.checked ? "1" : undefined)
                    }
                  />
                  {t("measures.filter.overdueOnly", { count: overdueCount })}
                </label>
              </div>
              <p className="muted" aria-live="polite">
                {overdueCount > 0 && (
                  <span className="badge badge-danger">
                    {t("measures.overdueCount", { count: overdueCount })}
                  </span>
                )}
                <span>{t("measures.shownCount", { shown: shown.length, total: all.length })}</span>
              </p>
              {shown.length === 0 ? (
                <EmptyState
                  title={t("measures.filter.none")}
                  action={
                    <button
                      type="button"
                      className="button"
                      onClick={() => setSearch({ division: allDivisions }, { replace: true })}
                    >
                      {t("measures.filter.showAll")}
                    </button>
                  }
                />
              ) : (
                <MeasureTable
                  rows={shown}
                  canEdit={permissions.canEdit}
                  canDelete={permissions.manages}
                  onEdit={(measure) => {
                    setNotice("");
                    setForm({ mode: "edit", measure });
                  }}
                  onProgress={setProgressOf}
                  onDelete={(row) => {
                    remove.reset();
                    setDeleting(row);
                  }}
                />
              )}
            </>
          )}
        </>
      )}
      {form && (
        <MeasureFormDialog
          agencyId={agencyId}
          assessmentId={assessment.id}
          target={form}
          divisions={agency.divisions}
          fiscalYear={fiscalYear}
          onClose={() => setForm(undefined)}
          onSaved={(message) => {
            setForm(undefined);
            setNotice(message);
          }}
        />
      )}
      {progressOf && (
        <ProgressDialog
          agencyId={agencyId}
          assessmentId={assessment.id}
          measure={progressOf.measure}
          number={progressOf.number}
          canEdit={permissions.canEdit(progressOf.measure)}
          onClose={() => setProgressOf(undefined)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t("measures.delete.title", { n: deleting.number })}
          isOpen
          busy={remove.isPending}
          confirmLabel={t("measures.delete.confirm")}
          cancelLabel={t("measures.delete.keep")}
          onCancel={() => setDeleting(undefined)}
          onConfirm={() =>
            remove.mutate(deleting.measure.id, {
              onSuccess: () => {
                setNotice(t("measures.delete.done", { title: deleting.measure.title }));
                setDeleting(undefined);
              },
            })
          }
        >
          <p className="dialog-subject">{deleting.measure.title}</p>
          <p>{t("measures.delete.text")}</p>
          {remove.isError && <ErrorPanel error={remove.error} />}
        </ConfirmDialog>
      )}
    </>
  );
}
