import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/api-error.ts";
import { ErrorPanel } from "../../components/status-panels.tsx";
import { TableRegion } from "../../components/table-region.tsx";

/** "row 7 / ตัวชี้วัด 3" → row 7, column ตัวชี้วัด 3; "file" → the whole file. */
function place(path: string | undefined): { row: string | null; column: string | null } {
  const match = /^row (\d+)(?: \/ (.+))?$/.exec(path ?? "");
  if (match) return { row: match[1] ?? null, column: match[2] ?? null };
  return { row: null, column: path && path !== "file" ? path : null };
}

/** A refused import: a plain statement that nothing was imported, then every problem by row and column. */
export function ImportProblems({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === "en";
  if (!(error instanceof ApiError) || error.status !== 400 || error.details.length === 0)
    return <ErrorPanel error={error} />;
  return (
    <div className="panel panel-error" role="alert">
      <p className="panel-title">{t("results.import.refusedTitle")}</p>
      <p>{t("results.import.refusedIntro", { count: error.details.length })}</p>
      <TableRegion label={t("results.import.problemsCaption")}>
        <table className="import-table">
          <caption>{t("results.import.problemsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col" className="number">
                {t("results.import.row")}
              </th>
              <th scope="col">{t("results.import.column")}</th>
              <th scope="col">{t("results.import.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {error.details.map((detail, index) => {
              const { row, column } = place(detail.path);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: a refused file's list never reorders
                <tr key={index}>
                  <td className="number">{row ?? t("results.import.wholeFile")}</td>
                  <td>{column ?? "–"}</td>
                  <td>{english ? (detail.en ?? detail.th) : (detail.th ?? detail.en)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
    </div>
  );
}
