import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../../shared/audit.ts";
import { formatDateTime } from "../../format.ts";
import { EntryDetails } from "./entry-details.tsx";
import { useDescribe } from "./use-describe.ts";

/** The entries, newest first; each opens to show what it changed. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  const { who, what, about } = useDescribe();
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (seq: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(seq)) next.add(seq);
      return next;
    });
  return (
    <div className="table-wrap">
      <table className="audit-table">
        <caption className="muted">{t("audit.table.caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="number">
              {t("audit.table.seq")}
            </th>
            <th scope="col">{t("audit.table.at")}</th>
            <th scope="col">{t("audit.table.who")}</th>
            <th scope="col">{t("audit.table.what")}</th>
            <th scope="col">{t("audit.table.entity")}</th>
            <th scope="col">{t("audit.table.details")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const expanded = open.has(entry.seq);
            const detailsId = `audit-entry-${entry.seq}`;
            return (
              <Fragment key={entry.seq}>
                <tr>
                  <th scope="row" className="number">
                    {entry.seq}
                  </th>
                  <td className="nowrap">{formatDateTime(entry.at, i18n.language)}</td>
                  <td>
                    {who(entry.actor)}
                    {entry.actor.email && <small className="code">{entry.actor.email}</small>}
                  </td>
                  <td>
                    {what(entry.action)}
                    <small className="code">{entry.action}</small>
                  </td>
                  <td>{about(entry)}</td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      aria-expanded={expanded}
                      aria-controls={expanded ? detailsId : undefined}
                      onClick={() => toggle(entry.seq)}
                    >
                      {expanded ? t("audit.table.hide") : t("audit.table.show")}
                      <span className="visually-hidden">
                        {" "}
                        {t("audit.table.detailsOf", { seq: entry.seq })}
                      </span>
                    </button>
                  </td>
                </tr>
                {expanded && (
                  <tr id={detailsId} className="details-row">
                    <td colSpan={6}>
                      <EntryDetails entry={entry} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
