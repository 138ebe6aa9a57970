import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import { useAgencies, useMe } from "../api/queries.ts";
import { EmptyState, ErrorPanel, Loading } from "../components/status-panels.tsx";

// Who reads the national view (national.read on the server): they land here, not in one agency.
const nationalReaders = new Set(["national_admin", "auditor"]);

/** Straight to the user's agency; a list when they work for several or read the national view. */
export function HomePage() {
  const { t } = useTranslation();
  const agencies = useAgencies();
  const me = useMe();
  if (agencies.isPending || me.isPending) return <Loading />;
  if (agencies.isError)
    return <ErrorPanel error={agencies.error} onRetry={() => void agencies.refetch()} />;
  const national = me.data?.memberships.some((m) => nationalReaders.has(m.role)) ?? false;
  const [only] = agencies.data;
  if (agencies.data.length === 1 && only && !national)
    return <Navigate to={`/agencies/${only.id}`} replace />;
  if (agencies.data.length === 0 && !national)
    return <EmptyState title={t("home.noAgencies")}>{t("home.noAgenciesHint")}</EmptyState>;
  return (
    <>
      {national && (
        <p className="card">
          <Link to="/national">{t("national.homeLink")}</Link>
          <span className="muted"> · {t("national.homeHint")}</span>
        </p>
      )}
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
