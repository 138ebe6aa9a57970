import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId } from "react";
import { useTranslation } from "react-i18next";
import type { SurveyAccess, SurveySummary, SurveyUpdateBody } from "../../../shared/survey.ts";
import { api } from "../../api/client.ts";
import { keys } from "../../api/queries.ts";
import { ErrorPanel } from "../../components/status-panels.tsx";
import { formatDate } from "../../format.ts";

const accessModes: readonly SurveyAccess[] = ["open", "code", "otp"];

/** Population, access mode and the days a survey takes answers; the server checks the window. */
export function SurveySettingsForm({
  survey,
  base,
  agencyId,
  assessmentId,
}: {
  survey: SurveySummary;
  base: string;
  agencyId: string;
  assessmentId: string;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (body: SurveyUpdateBody) =>
      api<null>(`${base}/${survey.tool}`, { method: "PUT", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.surveys(agencyId, assessmentId) }),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const population = String(form.get("population") ?? "").trim();
    save.mutate({
      population: population === "" ? null : Number(population),
      access: String(form.get("access")) as SurveyAccess,
      opensOn: String(form.get("opensOn")),
      closesOn: String(form.get("closesOn")),
    });
  };
  const language = i18n.language;
  // Days set earlier outside the window (the server keeps them) must not block the form.
  const earliest = [survey.window.start, survey.opensOn].sort()[0];
  const latest = [survey.window.end, survey.closesOn].sort()[1];
  return (
    <form className="form" onSubmit={onSubmit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t("surveys.settings.heading")}</h3>
      <label className="field">
        <span>{t("surveys.settings.population")}</span>
        <input
          name="population"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          defaultValue={survey.population ?? ""}
          aria-describedby={`${id}-population`}
        />
        <small id={`${id}-population`}>{t("surveys.settings.populationHint")}</small>
      </label>
      <label className="field">
        <span>{t("surveys.settings.access")}</span>
        <select name="access" defaultValue={survey.access}>
          {accessModes.map((mode) => (
            <option key={mode} value={mode}>
              {t(`surveys.access.${mode}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="inline">
        <label className="field">
          <span>{t("surveys.settings.opensOn")}</span>
          <input
            name="opensOn"
            type="date"
            required
            min={earliest}
            max={latest}
            defaultValue={survey.opensOn}
            aria-describedby={`${id}-window`}
          />
        </label>
        <label className="field">
          <span>{t("surveys.settings.closesOn")}</span>
          <input
            name="closesOn"
            type="date"
            required
            min={earliest}
            max={latest}
            defaultValue={survey.closesOn}
            aria-describedby={`${id}-window`}
          />
        </label>
      </div>
      <small id={`${id}-window`} className="muted">
        {t("surveys.settings.windowHint", {
          from: formatDate(survey.window.start, language),
          to: formatDate(survey.window.end, language),
        })}
      </small>
      {save.isError && <ErrorPanel error={save.error} />}
      <p role="status">{save.isSuccess ? t("surveys.settings.saved") : ""}</p>
      <p>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t("surveys.settings.save")}
        </button>
      </p>
    </form>
  );
}
