import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export interface YearStep {
  key: "results" | "measures" | "document" | "approval" | "sixMonth" | "yearEnd";
  done: boolean;
  to: string;
}

/** What is done and what comes next, in the order the year's work is done. */
export function YearSteps({ steps }: { steps: YearStep[] }) {
  const { t } = useTranslation();
  const next = steps.find((step) => !step.done);
  return (
    <>
      {next ? (
        <p className="next-step">
          <strong>{t("dashboard.next")}</strong> {t(`steps.${next.key}.todo`)}{" "}
          <Link className="button button-primary" to={next.to}>
            {t(`steps.${next.key}.action`)}
          </Link>
        </p>
      ) : (
        <p className="next-step">{t("dashboard.allDone")}</p>
      )}
      <ol className="steps">
        {steps.map((step) => (
          <li key={step.key} className={step.done ? "step step-done" : "step"}>
            <span className="step-mark" aria-hidden="true">
              {step.done ? "✓" : "○"}
            </span>
            <Link to={step.to}>{t(`steps.${step.key}.title`)}</Link>
            <span className="muted">
              {" "}
              · {step.done ? t("dashboard.done") : t("dashboard.notYet")}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}
