import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { FrameworkDetail } from "../../../shared/framework.ts";
import type { ResultBody, ResultResponse } from "../../../shared/result.ts";
import { api } from "../../api/client.ts";
import { isAnalysisOf, keys } from "../../api/queries.ts";
import { ErrorPanel } from "../../components/status-panels.tsx";
import { OitVerdicts } from "./oit-verdicts.tsx";

/** Reads the form as the API wants it; blanks are left out so the server names what is missing. */
function readForm(form: FormData, framework: FrameworkDetail): ResultBody {
  const number = (name: string) => {
    const text = String(form.get(name) ?? "").trim();
    return text === "" ? undefined : Number(text);
  };
  const indicators: Record<string, number> = {};
  for (const indicator of framework.indicators) {
    const score = number(`indicator-${indicator.number}`);
    if (score !== undefined) indicators[String(indicator.number)] = score;
  }
  const oit: Record<string, "pass" | "fail"> = {};
  for (const item of framework.oit.flatMap((sub) => sub.items)) {
    const verdict = form.get(`oit-${item.id}`);
    if (verdict === "pass" || verdict === "fail") oit[item.id] = verdict;
  }
  const level = String(form.get("officialLevel") ?? "");
  // A level without its overall is sent as such (NaN travels as null) so the server says what is missing.
  const overall = number("officialOverall") ?? (level ? Number.NaN : undefined);
  return {
    indicators,
    ...(Object.keys(oit).length > 0 ? { oit } : {}),
    ...(overall === undefined ? {} : { official: { overall, ...(level ? { level } : {}) } }),
  };
}

/** Typing in or correcting a year's result: the indicator scores, the published figures, OIT items. */
export function ResultForm({
  agencyId,
  assessmentId,
  fiscalYear,
  framework,
  current,
  onSaved,
  onCancel,
}: {
  agencyId: string;
  assessmentId: string;
  fiscalYear: number;
  framework: FrameworkDetail;
  current: ResultResponse | null;
  onSaved: (saved: ResultResponse) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === "en";
  const queryClient = useQueryClient();
  const first = useRef<HTMLInputElement>(null);
  // The form opens below the result: take the reader to its first field.
  useEffect(() => first.current?.focus(), []);
  const save = useMutation({
    mutationFn: (body: ResultBody) =>
      api<ResultResponse>(`/api/agencies/${agencyId}/assessments/${assessmentId}/result`, {
        method: "PUT",
        body,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.result(agencyId, assessmentId), saved);
      // The dashboard shows each year's result; the next year's analysis reads it.
      void queryClient.invalidateQueries({ queryKey: keys.dashboard(agencyId) });
      void queryClient.invalidateQueries({ predicate: isAnalysisOf(agencyId) });
      onSaved(saved);
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(readForm(new FormData(event.currentTarget), framework));
  };
  return (
    <section className="card" aria-labelledby="result-form-heading">
      <h2 id="result-form-heading">{t("results.form.title", { year: fiscalYear })}</h2>
      <p className="muted">{t("results.form.hint")}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <fieldset className="field">
          <legend>{t("results.form.indicators")}</legend>
          <div className="indicator-fields">
            {framework.indicators.map((indicator) => (
              <label className="field" key={indicator.number}>
                <span>
                  {t("results.indicatorLabel", {
                    number: indicator.number,
                    name: english ? indicator.name.en : indicator.name.th,
                  })}
                </span>
                <input
                  ref={indicator === framework.indicators[0] ? first : undefined}
                  name={`indicator-${indicator.number}`}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  max={100}
                  step={0.01}
                  defaultValue={current?.indicators[String(indicator.number)] ?? ""}
                />
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="field">
          <legend>{t("results.form.official")}</legend>
          <small>{t("results.form.officialHint")}</small>
          <div className="inline">
            <label className="field">
              <span>{t("results.form.officialOverall")}</span>
              <input
                name="officialOverall"
                type="number"
                inputMode="decimal"
                min={0}
                max={100}
                step={0.01}
                defaultValue={current?.official?.overall ?? ""}
              />
            </label>
            <label className="field">
              <span>{t("results.form.officialLevel")}</span>
              <select name="officialLevel" defaultValue={current?.official?.level ?? ""}>
                <option value="">{t("results.form.noLevel")}</option>
                {framework.levels.map((level) => (
                  <option key={level.id}>{level.id}</option>
                ))}
              </select>
            </label>
          </div>
        </fieldset>
        <OitVerdicts framework={framework} verdicts={current?.oit ?? null} />
        {save.isError && <ErrorPanel error={save.error} />}
        <div className="inline">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {save.isPending ? t("common.saving") : t("results.form.submit")}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t("results.form.cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}
