import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SurveySummary } from "../../../shared/survey.ts";

/** The public link with a copy button and the poster to print. */
export function SurveyLink({ survey, base }: { survey: SurveySummary; base: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState<"yes" | "failed" | undefined>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(survey.link);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <div className="form">
      <div className="field">
        <label htmlFor={id}>
          <span>{t("surveys.link.label")}</span>
        </label>
        <div className="inline">
          <input id={id} readOnly value={survey.link} className="survey-link" />
          <button type="button" className="button" onClick={() => void copy()}>
            {t("surveys.link.copy")}
          </button>
        </div>
        <p role="status" className="muted">
          {copied === "yes"
            ? t("surveys.link.copied")
            : copied === "failed"
              ? t("surveys.link.copyFailed")
              : ""}
        </p>
      </div>
      <p>
        <a className="button" href={`${base}/${survey.tool}/poster.pdf`} download>
          {t("surveys.link.poster")}
        </a>
      </p>
    </div>
  );
}
