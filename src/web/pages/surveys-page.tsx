import { useTranslation } from "react-i18next";
import { EmptyState, ErrorPanel, Loading } from "../components/status-panels.tsx";
import { SurveyCard } from "./surveys/survey-card.tsx";
import { SurveyScores } from "./surveys/survey-scores.tsx";
import { surveysPath, useFramework, useSurveyRoles, useSurveys } from "./surveys/use-surveys.ts";
import { useYear } from "./use-year.ts";
import "./surveys/surveys.css";

/** The year's IIT and EIT surveys: progress against the minimum, links, codes and scores. */
export function SurveysPage() {
  const { t } = useTranslation();
  const { agencyId, fiscalYear, dashboard, assessment } = useYear();
  const surveys = useSurveys(agencyId, assessment?.id);
  const roles = useSurveyRoles(agencyId);
  const framework = useFramework(roles.phone ? surveys.data?.frameworkId : undefined);
  if (dashboard.isPending) return <Loading />;
  if (dashboard.isError)
    return <ErrorPanel error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  if (!assessment)
    return (
      <>
        <h1>{t("surveys.title")}</h1>
        <EmptyState title={t("surveys.noAssessment", { year: fiscalYear })}>
          {t("home.noYearsHint")}
        </EmptyState>
      </>
    );
  const base = surveysPath(agencyId, assessment.id);
  return (
    <>
      <h1>
        {t("surveys.title")}
        <span className="subtitle">{dashboard.data.agency.name}</span>
      </h1>
      <p className="lead">{t("surveys.lead")}</p>
      {surveys.isPending ? (
        <Loading />
      ) : surveys.isError ? (
        <ErrorPanel error={surveys.error} onRetry={() => void surveys.refetch()} />
      ) : (
        <div className="grid">
          {surveys.data.surveys.map((survey) => (
            <SurveyCard
              key={survey.tool}
              survey={survey}
              base={base}
              agencyId={agencyId}
              assessmentId={assessment.id}
              roles={roles}
              framework={framework.data}
            />
          ))}
        </div>
      )}
      <section className="card" aria-labelledby="scores-heading">
        <h2 id="scores-heading">{t("surveys.scores.heading")}</h2>
        <SurveyScores agencyId={agencyId} assessmentId={assessment.id} />
      </section>
    </>
  );
}
