import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, Navigate, Outlet, useLocation, useNavigate, useParams } from "react-router";
import { api } from "../api/client.ts";
import { useMe } from "../api/queries.ts";
import { AgencySwitch } from "./agency-switch.tsx";
import { LanguageSwitch } from "./language-switch.tsx";
import { ErrorPanel, Loading } from "./status-panels.tsx";
import { YearNav } from "./year-nav.tsx";

/** Every signed-in page: header, the year's sections, and the page itself. */
export function AppShell() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { agencyId, fiscalYear } = useParams();
  const signOut = useMutation({
    mutationFn: () => api<null>("/api/auth/logout", { method: "POST" }),
    onSettled: () => {
      queryClient.clear();
      navigate("/signin");
    },
  });
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorPanel error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to="/signin" replace state={{ from: location.pathname }} />;
  return (
    <>
      <a className="skip-link" href="#main">
        {t("shell.skipToContent")}
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          {t("shell.brand")}
        </Link>
        <div className="header-tools">
          <AgencySwitch agencyId={agencyId} />
          <LanguageSwitch />
          <Link to="/account" className="button button-quiet">
            {me.data.displayName}
          </Link>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => signOut.mutate()}
            disabled={signOut.isPending}
          >
            {t("shell.signOut")}
          </button>
        </div>
      </header>
      {agencyId && fiscalYear && <YearNav agencyId={agencyId} fiscalYear={fiscalYear} />}
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
