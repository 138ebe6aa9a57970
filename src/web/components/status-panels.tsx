import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, localMessage } from "../api/api-error.ts";

/** Shown while data loads; announced politely to screen readers. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t("common.loading")}
    </p>
  );
}

/**
 * A failure in plain Thai: what went wrong, every problem the server listed, and what to do.
 * `describePath` names a problem's field in words (e.g. "วันครบกำหนด") instead of its path.
 */
export function ErrorPanel({
  error,
  onRetry,
  describePath,
  children,
}: {
  error: unknown;
  onRetry?: () => void;
  describePath?: (path: string) => string | undefined;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const apiError = error instanceof ApiError ? error : undefined;
  const english = i18n.language === "en";
  const message = apiError ? localMessage(apiError.message, i18n.language) : t("errors.unexpected");
  const hint =
    apiError?.status === 401
      ? t("errors.signInAgain")
      : apiError?.status === 403
        ? t("errors.forbidden")
        : apiError?.status === 409
          ? t("errors.conflict")
          : apiError?.code === "NETWORK"
            ? t("errors.network")
            : undefined;
  return (
    <div className="panel panel-error" role="alert">
      <p className="panel-title">{message}</p>
      {apiError && apiError.details.length > 0 && (
        <ul>
          {apiError.details.map((d) => (
            <li key={`${d.path ?? ""}:${d.th ?? d.message ?? ""}`}>
              <ProblemPath path={d.path} describePath={describePath} />{" "}
              {english ? (d.en ?? d.th) : (d.th ?? d.en)}
            </li>
          ))}
        </ul>
      )}
      {hint && <p>{hint}</p>}
      {children}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t("common.retry")}
        </button>
      )}
    </div>
  );
}

function ProblemPath({
  path,
  describePath,
}: {
  path: string | undefined;
  describePath: ((path: string) => string | undefined) | undefined;
}) {
  if (!path) return null;
  const words = describePath?.(path);
  return words ? <strong>{words}:</strong> : <code>{path}</code>;
}

/** Nothing here yet: say so, and say what to do next. */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <section className="panel panel-empty" aria-label={title}>
      <p className="panel-title">{title}</p>
      {children && <div>{children}</div>}
      {action && <div className="panel-action">{action}</div>}
    </section>
  );
}
