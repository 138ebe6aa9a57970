import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState, ErrorPanel, Loading } from "../../components/status-panels.tsx";
import { formatScore } from "../../format.ts";
import { useOit } from "../oit/use-oit.ts";
import "../oit/oit.css";

/** Answered items against the list, the submission status and, once reviewed, the OIT score. */
export function OitPanel({
  agencyId,
  assessmentId,
  to,
}: {
  agencyId: string;
  assessmentId: string;
  to: string;
}) {
  const { t, i18n } = useTranslation();
  const oit = useOit(agencyId, assessmentId);
  if (oit.isPending) return <Loading />;
  if (oit.isError) return <ErrorPanel error={oit.error} />;
  const { progress, status, score } = oit.data;
  if (progress.answered === 0 && status === "draft")
    return (
      <EmptyState title={t("dashboard.noOit")}>
        {t("dashboard.noOitHint")} <Link to={to}>{t("oit.openPage")}</Link>
      </EmptyState>
    );
  return (
    <div>
      <p>
        <span className={`badge ${status === "draft" ? "badge-warning" : "badge-ok"}`}>
          {t(`oit.status.${status}`)}
        </span>
      </p>
      <label htmlFor="dashboard-oit-progress" className="meter-label">
        {t("oit.progress", { answered: progress.answered, total: progress.total })}
      </label>
      <progress
        id="dashboard-oit-progress"
        className="oit-progress"
        max={progress.total}
        value={progress.answered}
      />
      {score && (
        <ul className="oit-panel-scores">
          {score.indicators.map((i) => (
            <li key={i.number}>
              {t(score.final ? "oit.panel.final" : "oit.panel.preliminary", {
                number: i.number,
                score: formatScore(i.score, i18n.language),
              })}
            </li>
          ))}
        </ul>
      )}
      <Link to={to}>{t("oit.openPage")}</Link>
    </div>
  );
}
