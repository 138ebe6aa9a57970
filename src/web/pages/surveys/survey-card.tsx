import { useTranslation } from "react-i18next";
import type { FrameworkDetail } from "../../../shared/framework.ts";
import type { SurveySummary } from "../../../shared/survey.ts";
import { formatDate } from "../../format.ts";
import { CodeBatches } from "./code-batches.tsx";
import { PhoneEntryForm } from "./phone-entry-form.tsx";
import { SurveyLink } from "./survey-link.tsx";
import { SurveyProgress } from "./survey-progress.tsx";
import { SurveySettingsForm } from "./survey-settings-form.tsx";

/** One survey tool: how far it is, its link and poster, and what the person may change. */
export function SurveyCard({
  survey,
  base,
  agencyId,
  assessmentId,
  roles,
  framework,
}: {
  survey: SurveySummary;
  base: string;
  agencyId: string;
  assessmentId: string;
  roles: { manage: boolean; phone: boolean };
  framework: FrameworkDetail | undefined;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const headingId = `survey-${survey.tool}`;
  const shared = { survey, base, agencyId, assessmentId };
  return (
    <section className="card survey-card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {survey.tool}
        <span className="subtitle">{language === "en" ? survey.name.en : survey.name.th}</span>
      </h2>
      <p>
        <span className={survey.openToday ? "badge badge-ok" : "badge"}>
          {survey.openToday ? t("surveys.openToday") : t("surveys.closedToday")}
        </span>{" "}
        {t("surveys.days", {
          from: formatDate(survey.opensOn, language),
          to: formatDate(survey.closesOn, language),
        })}{" "}
        · {t(`surveys.access.${survey.access}`)}
      </p>
      <SurveyProgress survey={survey} />
      <SurveyLink survey={survey} base={base} />
      {roles.manage && <SurveySettingsForm {...shared} />}
      {roles.manage && <CodeBatches {...shared} />}
      {roles.phone && framework && (
        <PhoneEntryForm
          tool={survey.tool}
          framework={framework}
          base={base}
          agencyId={agencyId}
          assessmentId={assessmentId}
        />
      )}
    </section>
  );
}
