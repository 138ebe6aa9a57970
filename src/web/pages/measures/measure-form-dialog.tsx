import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MeasureResponse } from "../../../shared/measure.ts";
import { ApiError } from "../../api/api-error.ts";
import { ModalDialog } from "../../components/modal-dialog.tsx";
import { ErrorPanel } from "../../components/status-panels.tsx";
import { DateField } from "./date-field.tsx";
import { useDescribePath } from "./field-names.ts";
import { indicatorChoices } from "./indicator-choices.ts";
import { MonitoringEditor, StepsEditor } from "./list-editors.tsx";
import { draftFromMeasure, draftToBody, type MeasureDraft } from "./measure-draft.ts";
import { useMeasureMutations } from "./use-measures.ts";

/** What the form is for: a new measure (maybe prefilled, e.g. from a suggestion) or an existing one. */
export type MeasureFormTarget =
  | { mode: "create"; draft: MeasureDraft }
  | { mode: "edit"; measure: MeasureResponse };

/** Adds or edits a measure: title, steps, divisions, indicators, OIT items, dates and monitoring. */
export function MeasureFormDialog({
  agencyId,
  assessmentId,
  target,
  divisions,
  fiscalYear,
  onClose,
  onSaved,
}: {
  agencyId: string;
  assessmentId: string;
  target: MeasureFormTarget;
  divisions: string[];
  fiscalYear: number;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const mutations = useMeasureMutations(agencyId, assessmentId);
  const describePath = useDescribePath();
  const editing = target.mode === "edit" ? target.measure : undefined;
  const [draft, setDraft] = useState<MeasureDraft>(() =>
    target.mode === "edit" ? draftFromMeasure(target.measure) : target.draft,
  );
  const [version, setVersion] = useState(editing?.version ?? 0);
  const [reloadNote, setReloadNote] = useState<string | undefined>();
  const mutation = editing ? mutations.update : mutations.create;
  const set = <K extends keyof MeasureDraft>(key: K, value: MeasureDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const toggle = <T,>(list: T[], item: T) =>
    list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
  const conflict = mutation.error instanceof ApiError && mutation.error.status === 409;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setReloadNote(undefined);
    const body = draftToBody(draft);
    if (editing)
      mutations.update.mutate(
        { measureId: editing.id, changes: { ...body, version } },
        { onSuccess: () => onSaved(t("measures.saved", { title: body.title })) },
      );
    else
      mutations.create.mutate(body, {
        onSuccess: () => onSaved(t("measures.added", { title: body.title })),
      });
  };

  const reload = async () => {
    if (!editing) return;
    const latest = (await mutations.reload()).find((m) => m.id === editing.id);
    mutation.reset();
    if (!latest) {
      setReloadNote(t("measures.goneNote"));
      return;
    }
    setDraft(draftFromMeasure(latest));
    setVersion(latest.version);
    setReloadNote(t("measures.reloadedNote"));
  };

  // Divisions named on the measure but since removed from the agency stay visible, to be unticked.
  const divisionChoices = [...new Set([...divisions, ...draft.responsible])];
  return (
    <ModalDialog
      title={editing ? t("measures.form.editTitle") : t("measures.form.addTitle")}
      isOpen
      onClose={onClose}
      size="wide"
    >
      <form className="form measure-form" onSubmit={onSubmit} noValidate>
        <p className="muted">{t("measures.form.intro")}</p>
        <div className="field">
          <label className="field-label" htmlFor="measure-title">
            {t("measures.form.title")}
          </label>
          <textarea
            id="measure-title"
            rows={2}
            value={draft.title}
            onChange={(event) => set("title", event.target.value)}
          />
        </div>
        <StepsEditor steps={draft.steps} onChange={(steps) => set("steps", steps)} />
        <fieldset className="field">
          <legend>{t("measures.form.responsible")}</legend>
          <small>{t("measures.form.responsibleHint")}</small>
          <div className="check-grid">
            {divisionChoices.map((division) => (
              <label key={division} className="check">
                <input
                  type="checkbox"
                  checked={draft.responsible.includes(division)}
                  onChange={() => set("responsible", toggle(draft.responsible, division))}
                />
                {division}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="field">
          <legend>{t("measures.form.indicators")}</legend>
          <small>{t("measures.form.indicatorsHint")}</small>
          <div className="check-grid check-grid-narrow">
            {indicatorChoices(draft.indicators).map((n) => (
              <label key={n} className="check">
                <input
                  type="checkbox"
                  checked={draft.indicators.includes(n)}
                  onChange={() => set("indicators", toggle(draft.indicators, n))}
                />
                {t("measures.indicator", { n })}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label className="field-label" htmlFor="measure-oit">
            {t("measures.form.oitItems")}
          </label>
          <input
            id="measure-oit"
            value={draft.oitItems}
            aria-describedby="measure-oit-hint"
            onChange={(event) => set("oitItems", event.target.value)}
          />
          <small id="measure-oit-hint">{t("measures.form.oitItemsHint")}</small>
        </div>
        <div className="date-pair">
          <DateField
            label={t("measures.form.startDate")}
            value={draft.startDate}
            fiscalYear={fiscalYear}
            onChange={(value) => set("startDate", value)}
          />
          <DateField
            label={t("measures.form.dueDate")}
            value={draft.dueDate}
            fiscalYear={fiscalYear}
            onChange={(value) => set("dueDate", value)}
          />
        </div>
        <MonitoringEditor
          rows={draft.monitoring}
          fiscalYear={fiscalYear}
          onChange={(rows) => set("monitoring", rows)}
        />
        {reloadNote && (
          <p className="panel panel-ok" role="status">
            {reloadNote}
          </p>
        )}
        {mutation.isError && (
          <ErrorPanel error={mutation.error} describePath={describePath}>
            {conflict && (
              <button type="button" className="button" onClick={() => void reload()}>
                {t("measures.reloadLatest")}
              </button>
            )}
          </ErrorPanel>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            {t("measures.cancel")}
          </button>
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {mutation.isPending ? t("common.saving") : t("measures.form.save")}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
