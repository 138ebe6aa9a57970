import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../../shared/audit.ts";
import { diffEntry, valueText } from "./field-diff.ts";
import { useDescribe } from "./use-describe.ts";

/** What one entry recorded, field by field: before and after, or what was created or deleted. */
export function EntryDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const { field } = useDescribe();
  const diff = diffEntry(entry.before, entry.after);
  const words = { empty: t("audit.diff.empty"), yes: t("audit.diff.yes"), no: t("audit.diff.no") };
  const showBefore = diff.kind !== "created";
  const showAfter = diff.kind !== "deleted";
  return (
    <div className="entry-details">
      <p className="muted">
        {t("audit.diff.entityId")}: <code>{entry.entityId}</code>
      </p>
      {diff.changes.length === 0 ? (
        <p>{t("audit.diff.none")}</p>
      ) : (
        <table className="diff-table">
          <caption className="visually-hidden">
            {t("audit.table.detailsOf", { seq: entry.seq })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("audit.diff.field")}</th>
              {showBefore && (
                <th scope="col">
                  {diff.kind === "deleted" ? t("audit.diff.deleted") : t("audit.diff.before")}
                </th>
              )}
              {showAfter && (
                <th scope="col">
                  {diff.kind === "created" ? t("audit.diff.created") : t("audit.diff.after")}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {diff.changes.map((change) => {
              const label = field(change.path);
              return (
                <tr key={change.path}>
                  <th scope="row">
                    {label}
                    {label !== change.path && <small className="code">{change.path}</small>}
                  </th>
                  {showBefore && (
                    <td className={diff.kind === "changed" ? "diff-before" : undefined}>
                      {valueText(change.before, words)}
                    </td>
                  )}
                  {showAfter && (
                    <td className={diff.kind === "changed" ? "diff-after" : undefined}>
                      {valueText(change.after, words)}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
