import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MeasureSummary } from "../../../shared/dashboard.ts";
import { EmptyState } from "../../components/status-panels.tsx";

/** Where the year's measures stand, with what is late first. */
export function MeasureSummaryCard({ summary, to }: { summary: MeasureSummary; to: string }) {
  const { t } = useTranslation();
  if (summary.total === 0)
    return (
      <EmptyState
        title={t("dashboard.noMeasures")}
        action={
          <Link className="button" to={to}>
            {t("steps.measures.action")}
          </Link>
        }
      >
        {t("dashboard.noMeasuresHint")}
      </EmptyState>
    );
  const average = Math.round(summary.averageProgress ?? 0);
  return (
    <div>
      {summary.overdue > 0 && (
        <p className="badge badge-danger">{t("dashboard.overdue", { count: summary.overdue })}</p>
      )}
      {summary.dueSoon > 0 && (
        <p className="badge badge-warning">{t("dashboard.dueSoon", { count: summary.dueSoon })}</p>
      )}
      <label className="meter-label" htmlFor="average-progress">
        {t("dashboard.averageProgress", { value: average })}
      </label>
      <progress id="average-progress" max={100} value={average}>
        {average}%
      </progress>
      <dl className="counts">
        {(["planned", "inProgress", "done", "cancelled"] as const).map((status) => (
          <div key={status}>
            <dt>{t(`measureStatus.${status}`)}</dt>
            <dd>{summary[status]}</dd>
          </div>
        ))}
      </dl>
      <Link to={to}>{t("dashboard.openMeasures", { count: summary.total })}</Link>
    </div>
  );
}
