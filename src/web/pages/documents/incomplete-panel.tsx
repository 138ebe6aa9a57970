import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type ApiError, localMessage } from "../../api/api-error.ts";

/** Where each kind of missing data is fixed, by the problem's path. */
function fixFor(path: string | undefined, base: string, settings: string) {
  const head = (path ?? "").split(".")[0];
  if (head === "results" || head === "history")
    return { to: `${base}/results`, key: "documents.generate.fixResults" } as const;
  if (head === "measures")
    return { to: `${base}/measures`, key: "documents.generate.fixMeasures" } as const;
  if (head === "agency" || head === "approval")
    return { to: settings, key: "documents.generate.fixAgency" } as const;
  return undefined;
}

/** The document cannot be built yet: every missing piece, each with a link to where it is fixed. */
export function IncompletePanel({
  error,
  base,
  settings,
}: {
  error: ApiError;
  base: string;
  settings: string;
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === "en";
  return (
    <div className="panel panel-error" role="alert">
      <p className="panel-title">{t("documents.generate.incomplete")}</p>
      <p>{localMessage(error.message, i18n.language)}</p>
      <p>{t("documents.generate.incompleteHint")}</p>
      <ul>
        {error.details.map((detail) => {
          const fix = fixFor(detail.path, base, settings);
          return (
            <li key={`${detail.path ?? ""}:${detail.th ?? detail.message ?? ""}`}>
              {english ? (detail.en ?? detail.th) : (detail.th ?? detail.en)}
              {fix && (
                <>
                  {" "}
                  <Link to={fix.to}>{t(fix.key)}</Link>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
