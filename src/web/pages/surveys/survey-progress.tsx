import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { SurveySummary } from "../../../shared/survey.ts";

/** Responses against the minimum sample: a bar and the same in words. */
export function SurveyProgress({ survey }: { survey: SurveySummary }) {
  const { t } = useTranslation();
  const id = useId();
  const { responses, minimumSample, gap } = survey;
  if (minimumSample === null) return <p>{t("surveys.progress.noPopulation", { responses })}</p>;
  const text =
    gap && gap > 0
      ? t("surveys.progress.short", { responses, minimum: minimumSample, gap })
      : t("surveys.progress.reached", { responses, minimum: minimumSample });
  return (
    <div className="survey-progress">
      <label className="meter-label" htmlFor={id}>
        {text}
      </label>
      <progress
        id={id}
        max={Math.max(minimumSample, 1)}
        value={Math.min(responses, minimumSample)}
      />
    </div>
  );
}
