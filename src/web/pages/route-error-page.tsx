import { useTranslation } from "react-i18next";
import { isRouteErrorResponse, Link, useRouteError } from "react-router";

/** A page that failed to load or render: say so in Thai and offer the two ways out. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  // A chunk that no longer exists after an update: reloading fetches the new app.
  const stale =
    error instanceof TypeError && /dynamically imported module|import/i.test(error.message);
  const status = isRouteErrorResponse(error) ? error.status : undefined;
  return (
    <div className="panel panel-error" role="alert">
      <h1>{status === 404 ? t("notFound.title") : t("routeError.title")}</h1>
      <p>{stale ? t("routeError.stale") : t("routeError.hint")}</p>
      <p className="inline">
        <button
          type="button"
          className="button button-primary"
          onClick={() => window.location.reload()}
        >
          {t("routeError.reload")}
        </button>
        <Link className="button" to="/">
          {t("notFound.home")}
        </Link>
      </p>
    </div>
  );
}
