import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState, ErrorPanel, Loading } from "../../components/status-panels.tsx";
import { SurveyProgress } from "../surveys/survey-progress.tsx";
import { useSurveys } from "../surveys/use-surveys.ts";
import "../surveys/surveys.css";

/** Each survey's responses against its minimum sample, from the surveys' own counts. */
export function SurveyPanel({
  agencyId,
  assessmentId,
  to,
}: {
  agencyId: string;
  assessmentId: string;
  to: string;
}) {
  const { t, i18n } = useTranslation();
  const surveys = useSurveys(agencyId, assessmentId);
  if (surveys.isPending) return <Loading />;
  if (surveys.isError) return <ErrorPanel error={surveys.error} />;
  if (surveys.data.surveys.length === 0)
    return <EmptyState title={t("dashboard.noSurveys")}>{t("dashboard.noSurveysHint")}</EmptyState>;
  return (
    <div>
      {surveys.data.surveys.map((survey) => (
        <div key={survey.tool} className="survey-panel-row">
          <h3>
            {survey.tool} · {i18n.language === "en" ? survey.name.en : survey.name.th}
          </h3>
          <SurveyProgress survey={survey} />
        </div>
      ))}
      <Link to={to}>{t("surveys.openPage")}</Link>
    </div>
  );
}
