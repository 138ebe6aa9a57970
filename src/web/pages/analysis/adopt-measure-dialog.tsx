import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SuggestedMeasure } from "../../../shared/analysis.ts";
import type { MeasureResponse } from "../../../shared/measure.ts";
import { api } from "../../api/client.ts";
import { keys } from "../../api/queries.ts";
import { ErrorPanel } from "../../components/status-panels.tsx";
import { fiscalYearBounds } from "../../fiscal-year.ts";
import { formatDate } from "../../format.ts";
import { defaultDates, matchingDivisions, thaiToday, toMeasureCreate } from "./measure-draft.ts";

export interface AdoptMeasureDialogProps {
  agencyId: string;
  assessmentId: string;
  fiscalYear: number;
  measure: SuggestedMeasure;
  /** The indicators to choose from, named in the reader's language. */
  indicators: readonly { number: number; name: string }[];
  divisions: readonly string[];
  onClose: () => void;
  onCreated: (measure: MeasureResponse) => void;
}

/** Asks who is responsible and when, then adds the suggested measure to the year's plan. */
export function AdoptMeasureDialog(props: AdoptMeasureDialogProps) {
  const { agencyId, assessmentId, fiscalYear, measure, divisions, onClose } = props;
  const { t, i18n } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [missing, setMissing] = useState<string[]>([]);
  const year = fiscalYearBounds(fiscalYear);
  const dates = defaultDates(fiscalYear, thaiToday(new Date()));
  const preselected = new Set(matchingDivisions(measure.responsible, divisions));
  const create = useMutation({
    mutationFn: (body: ReturnType<typeof toMeasureCreate>) =>
      api<MeasureResponse>(`/api/agencies/${agencyId}/assessments/${assessmentId}/measures`, {
        method: "POST",
        body,
      }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: keys.measures(agencyId, assessmentId) });
      void queryClient.invalidateQueries({ queryKey: keys.dashboard(agencyId) });
      props.onCreated(created);
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const responsible = form.getAll("responsible").map(String);
    const indicators = form.getAll("indicators").map(Number);
    const problems = [
      ...(responsible.length === 0 ? [t("analysis.measures.chooseDivision")] : []),
      ...(indicators.length === 0 ? [t("analysis.measures.chooseIndicator")] : []),
    ];
    setMissing(problems);
    if (problems.length > 0) return;
    create.mutate(
      toMeasureCreate({
        title: String(form.get("title") ?? ""),
        steps: String(form.get("steps") ?? ""),
        monitoring: String(form.get("monitoring") ?? ""),
        responsible,
        indicators,
        startDate: String(form.get("startDate") ?? ""),
        dueDate: String(form.get("dueDate") ?? ""),
      }),
    );
  };

  return (
    <ModalOverlay
      isOpen
      isDismissable={!create.isPending}
      onOpenChange={(open) => !open && onClose()}
      className="dialog-overlay"
    >
      <Modal className="dialog">
        <Dialog className="dialog-body">
          <Heading slot="title" level={2}>
            {t("analysis.measures.dialogTitle", { year: fiscalYear })}
          </Heading>
          <p className="muted">{t("analysis.measures.dialogIntro")}</p>
          <form className="form" onSubmit={onSubmit}>
            <label className="field">
              <span>{t("analysis.measures.titleField")}</span>
              <input name="title" defaultValue={measure.title} required />
            </label>
            <label className="field">
              <span>{t("analysis.measures.stepsField")}</span>
              <textarea
                name="steps"
                rows={6}
                defaultValue={measure.steps.join("\n")}
                required
                aria-describedby={`${id}-steps`}
              />
              <small id={`${id}-steps`}>{t("analysis.measures.stepsHint")}</small>
            </label>
            <label className="field">
              <span>{t("analysis.measures.monitoringField")}</span>
              <textarea
                name="monitoring"
                rows={2}
                defaultValue={measure.monitoring ?? ""}
                aria-describedby={`${id}-monitoring`}
              />
              <small id={`${id}-monitoring`}>{t("analysis.measures.monitoringHint")}</small>
            </label>
            <fieldset className="field" aria-describedby={`${id}-divisions`}>
              <legend>{t("analysis.measures.divisions")}</legend>
              <small id={`${id}-divisions`}>
                {t("analysis.measures.divisionsHint", { names: measure.responsible.join(", ") })}
              </small>
              {divisions.length === 0 ? (
                <p>
                  {t("analysis.measures.noDivisions")}{" "}
                  <Link to={`/agencies/${agencyId}/settings`}>
                    {t("analysis.measures.goToSettings")}
                  </Link>
                </p>
              ) : (
                <ul className="check-list">
                  {divisions.map((division) => (
                    <li key={division}>
                      <label className="check">
                        <input
                          type="checkbox"
                          name="responsible"
                          value={division}
                          defaultChecked={preselected.has(division)}
                        />
                        <span>{division}</span>
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </fieldset>
            <fieldset className="field">
              <legend>{t("analysis.measures.indicators")}</legend>
              <ul className="check-list check-list-columns">
                {props.indicators.map((indicator) => (
                  <li key={indicator.number}>
                    <label className="check">
                      <input
                        type="checkbox"
                        name="indicators"
                        value={indicator.number}
                        defaultChecked={measure.indicators.includes(indicator.number)}
                      />
                      <span>{indicator.name}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <p className="muted" id={`${id}-dates`}>
              {t("analysis.measures.datesHint", {
                year: fiscalYear,
                start: formatDate(year.start, i18n.language),
                end: formatDate(year.end, i18n.language),
              })}
            </p>
            <div className="inline">
              <label className="field">
                <span>{t("analysis.measures.startDate")}</span>
                <input
                  type="date"
                  name="startDate"
                  defaultValue={dates.startDate}
                  min={year.start}
                  max={year.end}
                  required
                  aria-describedby={`${id}-dates`}
                />
              </label>
              <label className="field">
                <span>{t("analysis.measures.dueDate")}</span>
                <input
                  type="date"
                  name="dueDate"
                  defaultValue={dates.dueDate}
                  min={year.start}
                  max={year.end}
                  required
                  aria-describedby={`${id}-dates`}
                />
              </label>
            </div>
            {missing.length > 0 && (
              <div className="panel panel-error" role="alert">
                <ul>
                  {missing.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              </div>
            )}
            {create.isError && <ErrorPanel error={create.error} />}
            <div className="inline">
              <button
                type="submit"
                className="button button-primary"
                disabled={create.isPending || divisions.length === 0}
              >
                {create.isPending ? t("analysis.measures.creating") : t("analysis.measures.create")}
              </button>
              <button
                type="button"
                className="button"
                onClick={onClose}
                disabled={create.isPending}
              >
                {t("analysis.measures.cancel")}
              </button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
