import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../../shared/audit.ts";
import { formatDateTime } from "../../format.ts";
import { saveText, toCsv } from "./audit-csv.ts";
import { useDescribe } from "./use-describe.ts";

const json = (value: unknown) =>
  value === undefined || value === null ? "" : JSON.stringify(value);

/** Saves the entries shown as a CSV file, built here in the browser, with the words on screen. */
export function useExportCsv() {
  const { t, i18n } = useTranslation();
  const { who, what, about } = useDescribe();
  return (entries: AuditEntry[], name: string) => {
    const header = (
      [
        "seq",
        "at",
        "atIso",
        "who",
        "email",
        "what",
        "code",
        "entity",
        "entityId",
        "before",
        "after",
      ] as const
    ).map((key) => t(`audit.export.${key}`));
    const rows = entries.map((e) => [
      String(e.seq),
      formatDateTime(e.at, i18n.language),
      e.at,
      who(e.actor),
      e.actor.email ?? "",
      what(e.action),
      e.action,
      about(e),
      e.entityId,
      json(e.before),
      json(e.after),
    ]);
    // Characters a file system refuses never reach the file name.
    const safe = name.replace(/[\\/:*?"<>|]+/g, "-").trim();
    saveText(toCsv(header, rows), `${t("audit.export.file")}-${safe}.csv`);
  };
}
