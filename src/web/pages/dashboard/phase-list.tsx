import { useTranslation } from "react-i18next";
import type { AssessmentDetailResponse } from "../../../shared/assessment.ts";
import { formatDate } from "../../format.ts";

/** The year's windows from the framework, the current one marked. */
export function PhaseList({ phases }: { phases: AssessmentDetailResponse["phases"] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <ol className="phases">
      {phases.map((phase) => (
        <li
          key={phase.id}
          className={`phase phase-${phase.status}`}
          aria-current={phase.status === "current" ? "step" : undefined}
        >
          <span className="phase-name">{language === "en" ? phase.name.en : phase.name.th}</span>
          <span className="phase-dates">
            {formatDate(phase.start, language)} – {formatDate(phase.end, language)}
          </span>
          <span className="phase-status">{t(`phase.${phase.status}`)}</span>
        </li>
      ))}
    </ol>
  );
}
