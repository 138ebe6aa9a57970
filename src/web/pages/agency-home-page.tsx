import { useTranslation } from "react-i18next";
import { Link, Navigate, useParams } from "react-router";
import { useDashboard } from "../api/queries.ts";
import { EmptyState, ErrorPanel, Loading } from "../components/status-panels.tsx";

/** An agency's address opens its latest fiscal year. */
export function AgencyHomePage() {
  const { t } = useTranslation();
  const { agencyId = "" } = useParams();
  const dashboard = useDashboard(agencyId);
  if (dashboard.isPending) return <Loading />;
  if (dashboard.isError)
    return <ErrorPanel error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const latest = Math.max(...dashboard.data.assessments.map((a) => a.fiscalYear));
  if (Number.isFinite(latest)) return <Navigate to={`/agencies/${agencyId}/${latest}`} replace />;
  return (
    <EmptyState
      title={t("home.noYears")}
      action={<Link to={`/agencies/${agencyId}/settings`}>{t("nav.settings")}</Link>}
    >
      {t("home.noYearsHint")}
    </EmptyState>
  );
}
