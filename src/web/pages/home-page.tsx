import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import { useAgencies } from "../api/queries.ts";
import { EmptyState, ErrorPanel, Loading } from "../components/status-panels.tsx";

/** Straight to the user's agency; a list when they work for several. */
export function HomePage() {
  const { t } = useTranslation();
  const agencies = useAgencies();
  if (agencies.isPending) return <Loading />;
  if (agencies.isError)
    return <ErrorPanel error={agencies.error} onRetry={() => void agencies.refetch()} />;
  const [only] = agencies.data;
  if (agencies.data.length === 1 && only) return <Navigate to={`/agencies/${only.id}`} replace />;
  if (agencies.data.length === 0)
    return <EmptyState title={t("home.noAgencies")}>{t("home.noAgenciesHint")}</EmptyState>;
  return (
    <>
      <h1>{t("home.title")}</h1>
      <ul className="card-list">
        {agencies.data.map((agency) => (
          <li key={agency.id}>
            <Link to={`/agencies/${agency.id}`}>{agency.name}</Link>
            <span className="muted">
              {" "}
              · {agency.type} · {agency.province}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
