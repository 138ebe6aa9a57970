import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MeasureResponse } from "../../../shared/measure.ts";
import type {
  ProgressKind,
  ProgressReportBody,
  ProgressReportResponse,
} from "../../../shared/progress.ts";
import { api } from "../../api/client.ts";
import { keys } from "../../api/queries.ts";
import { ScrollRegion } from "../../components/scroll-region.tsx";
import { ErrorPanel } from "../../components/status-panels.tsx";
import { fiscalYearBounds, sixMonthDay } from "../../fiscal-year.ts";
import { DateField } from "../measures/date-field.tsx";
import { useDescribePath } from "../measures/field-names.ts";
import { changeProgress, changeStatus, statusOrder } from "../measures/status-progress.ts";
import {
  type EntryDraft,
  entriesBody,
  prefillEntries,
  refreshFromMeasures,
} from "./report-entries.ts";

/** Writes (or rewrites) one report: as-of day, summary, and each measure's status, progress and note. */
export function ReportForm({
  agencyId,
  assessmentId,
  fiscalYear,
  kind,
  measures,
  saved,
  onCancel,
  onSaved,
}: {
  agencyId: string;
  assessmentId: string;
  fiscalYear: number;
  kind: ProgressKind;
  measures: MeasureResponse[];
  saved: ProgressReportResponse | undefined;
  onCancel: () => void;
  onSaved: (report: ProgressReportResponse) => void;
}) {
  const { t } = useTranslation();
  const describePath = useDescribePath();
  const queryClient = useQueryClient();
  const [asOf, setAsOf] = useState(
    saved?.asOf ??
      (kind === "six_month" ? sixMonthDay(fiscalYear) : fiscalYearBounds(fiscalYear).end),
  );
  const [summary, setSummary] = useState(saved?.summary ?? "");
  const [entries, setEntries] = useState(() => prefillEntries(measures, saved));
  const save = useMutation({
    mutationFn: (body: ProgressReportBody) =>
      api<ProgressReportResponse>(
        `/api/agencies/${agencyId}/assessments/${assessmentId}/progress/${kind}`,
        { method: "PUT", body },
      ),
    onSuccess: (report) => {
      queryClient.setQueryData<ProgressReportResponse[]>(
        keys.progress(agencyId, assessmentId),
        (list) => [...(list ?? []).filter((r) => r.kind !== report.kind), report],
      );
      onSaved(report);
    },
  });
  const setEntry = (id: string, change: (entry: EntryDraft) => EntryDraft) =>
    setEntries((all) => {
      const entry = all[id];
      return entry ? { ...all, [id]: change(entry) } : all;
    });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate({ asOf, summary: summary.trim(), entries: entriesBody(measures, entries) });
  };
  const prefix = `report-${kind}`;

  return (
    <form className="form report-form" onSubmit={onSubmit} noValidate>
      <DateField
        label={t("progress.form.asOf")}
        value={asOf}
        fiscalYear={fiscalYear}
        onChange={setAsOf}
      />
      <div className="field">
        <label className="field-label" htmlFor={`${prefix}-summary`}>
          {t("progress.form.summary")}
        </label>
        <textarea
          id={`${prefix}-summary`}
          rows={4}
          value={summary}
          aria-describedby={`${prefix}-summary-hint`}
          onChange={(event) => setSummary(event.target.value)}
        />
        <small id={`${prefix}-summary-hint`}>{t("progress.form.summaryHint")}</small>
      </div>
      <fieldset className="field">
        <legend>{t("progress.form.entries")}</legend>
        <small>{t("progress.form.entriesHint")}</small>
        {measures.length === 0 ? (
          <p className="muted">{t("progress.form.noMeasures")}</p>
        ) : (
          <>
            <div>
              <button
                type="button"
                className="button button-quiet"
                onClick={() => setEntries((all) => refreshFromMeasures(measures, all))}
              >
                {t("progress.form.refresh")}
              </button>
            </div>
            <ScrollRegion label={t("progress.form.entries")}>
              <table className="entries-table">
                <thead>
                  <tr>
                    <th scope="col" className="number">
                      {t("progress.table.number")}
                    </th>
                    <th scope="col">{t("progress.table.measure")}</th>
                    <th scope="col">{t("progress.table.status")}</th>
                    <th scope="col">{t("progress.table.progress")}</th>
                    <th scope="col">{t("progress.table.note")}</th>
                  </tr>
                </thead>
                <tbody>
                  {measures.map((measure, i) => {
                    const entry = entries[measure.id];
                    if (!entry) return null;
                    const n = i + 1;
                    const id = `${prefix}-${measure.id}`;
                    return (
                      <tr key={measure.id}>
                        <td className="number">{n}</td>
                        <th scope="row">{measure.title}</th>
                        <td>
                          <label className="visually-hidden" htmlFor={`${id}-status`}>
                            {t("progress.form.statusOf", { n })}
                          </label>
                          <select
                            id={`${id}-status`}
                            value={entry.status}
                            onChange={(event) => {
                              const status = statusOrder.find((s) => s === event.target.value);
                              if (status)
                                setEntry(measure.id, (e) => ({
                                  ...e,
                                  ...changeStatus(e, status, measure.progress),
                                }));
                            }}
                          >
                            {statusOrder.map((status) => (
                              <option key={status} value={status}>
                                {t(`measures.status.${status}`)}
                              </option>
                            ))}
                          </select>
                        </td>
                        <td>
                          <label className="visually-hidden" htmlFor={`${id}-progress`}>
                            {t("progress.form.progressOf", { n })}
                          </label>
                          <input
                            id={`${id}-progress`}
                            className="progress-number"
                            type="number"
                            inputMode="numeric"
                            min={0}
                            max={100}
                            value={entry.progress}
                            onChange={(event) =>
                              setEntry(measure.id, (e) => ({
                                ...e,
                                ...changeProgress(e, Number(event.target.value)),
                              }))
                            }
                          />
                        </td>
                        <td>
                          <label className="visually-hidden" htmlFor={`${id}-note`}>
                            {t("progress.form.noteOf", { n })}
                          </label>
                          <textarea
                            id={`${id}-note`}
                            rows={2}
                            value={entry.note}
                            onChange={(event) =>
                              setEntry(measure.id, (e) => ({ ...e, note: event.target.value }))
                            }
                          />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollRegion>
          </>
        )}
      </fieldset>
      {save.isError && <ErrorPanel error={save.error} describePath={describePath} />}
      <div className="inline">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t("common.saving") : t(`progress.form.save.${kind}`)}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t("progress.form.cancel")}
        </button>
      </div>
    </form>
  );
}
