import { useTranslation } from "react-i18next";
import type { OitChecklistResponse } from "../../shared/oit.ts";
import { EmptyState, ErrorPanel, Loading } from "../components/status-panels.tsx";
import { formatDate } from "../format.ts";
import { CheckRunPanel } from "./oit/check-run-panel.tsx";
import { ChecklistForm } from "./oit/checklist-form.tsx";
import { ClarificationForm } from "./oit/clarification-form.tsx";
import { ItemGroups } from "./oit/item-groups.tsx";
import { AnswerSummary } from "./oit/oit-item-card.tsx";
import { OitScore } from "./oit/oit-score.tsx";
import { ReviewForm } from "./oit/review-form.tsx";
import { useOit, useOitRoles } from "./oit/use-oit.ts";
import { useYear } from "./use-year.ts";
import "./oit/oit.css";

const isOpen = (checklist: OitChecklistResponse, id: string) =>
  checklist.windows.some((w) => w.id === id && w.status === "current");

/** The year's OIT: the coordinator's checklist, the evaluator's review and the clarification round. */
export function OitPage() {
  const { t } = useTranslation();
  const { agencyId, fiscalYear, dashboard, assessment } = useYear();
  const oit = useOit(agencyId, assessment?.id);
  const roles = useOitRoles(agencyId);
  if (dashboard.isPending) return <Loading />;
  if (dashboard.isError)
    return <ErrorPanel error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  if (!assessment)
    return (
      <>
        <h1>{t("oit.title")}</h1>
        <EmptyState title={t("oit.noAssessment", { year: fiscalYear })}>
          {t("home.noYearsHint")}
        </EmptyState>
      </>
    );
  return (
    <>
      <h1>
        {t("oit.title")}
        <span className="subtitle">{dashboard.data.agency.name}</span>
      </h1>
      <p className="lead">{t("oit.lead")}</p>
      {oit.isPending || !roles.ready ? (
        <Loading />
      ) : oit.isError ? (
        <ErrorPanel error={oit.error} onRetry={() => void oit.refetch()} />
      ) : (
        <OitBody checklist={oit.data} agencyId={agencyId} roles={roles} />
      )}
    </>
  );
}

function OitBody({
  checklist,
  agencyId,
  roles,
}: {
  checklist: OitChecklistResponse;
  agencyId: string;
  roles: { answer: boolean; review: boolean };
}) {
  const { t, i18n } = useTranslation();
  const { answered, total } = checklist.progress;
  const submission = checklist.windows.find((w) => w.id === "oit-submission");
  const mode =
    roles.review && checklist.status !== "draft"
      ? "review"
      : roles.answer && checklist.status === "draft"
        ? "checklist"
        : roles.answer && checklist.status === "submitted" && isOpen(checklist, "clarification")
          ? "clarification"
          : "read";
  return (
    <>
      <section className="card" aria-labelledby="oit-status-heading">
        <h2 id="oit-status-heading">{t(`oit.status.${checklist.status}`)}</h2>
        <label htmlFor="oit-progress" className="meter-label">
          {t("oit.progress", { answered, total })}
        </label>
        <progress id="oit-progress" className="oit-progress" max={total} value={answered} />
        {submission && (
          <p className="muted">
            {t("oit.window", {
              start: formatDate(submission.start, i18n.language),
              end: formatDate(submission.end, i18n.language),
            })}
          </p>
        )}
        {mode === "checklist" && !isOpen(checklist, "oit-submission") && (
          <p className="panel panel-empty">{t("oit.closed")}</p>
        )}
      </section>
      <section className="card" aria-labelledby="oit-check-heading">
        <h2 id="oit-check-heading">{t("oit.checkRun.heading")}</h2>
        <CheckRunPanel
          agencyId={agencyId}
          assessmentId={checklist.assessmentId}
          canStart={roles.answer || roles.review}
        />
      </section>
      {checklist.score && (
        <section className="card" aria-labelledby="oit-score-heading">
          <h2 id="oit-score-heading">{t("oit.score.heading")}</h2>
          <OitScore score={checklist.score} />
        </section>
      )}
      {mode === "checklist" && (
        <ChecklistForm
          checklist={checklist}
          agencyId={agencyId}
          open={isOpen(checklist, "oit-submission")}
        />
      )}
      {mode === "review" && <ReviewForm checklist={checklist} agencyId={agencyId} />}
      {mode === "clarification" && <ClarificationForm checklist={checklist} agencyId={agencyId} />}
      {mode === "read" &&
        (roles.review && checklist.status === "draft" ? (
          <EmptyState title={t("oit.review.notSubmitted")}>
            {t("oit.review.notSubmittedHint")}
          </EmptyState>
        ) : (
          <ItemGroups checklist={checklist} render={(item) => <AnswerSummary item={item} />} />
        ))}
    </>
  );
}
