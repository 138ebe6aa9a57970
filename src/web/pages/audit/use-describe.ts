import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../../shared/audit.ts";
import { entityLabel, isActionCode, isUserId } from "./describe-entry.ts";

/** Plain-language words for an entry's actor, action, entity and fields, in the reader's language. */
export function useDescribe() {
  const { t, i18n } = useTranslation();
  // Codes come from the server; a code this app has no words for is shown as it is.
  const lookup = (key: string): string | undefined =>
    i18n.exists(key) ? String(t(key as never)) : undefined;
  const who = (actor: AuditEntry["actor"]): string =>
    actor.displayName ??
    (isUserId(actor.id)
      ? t("audit.actors.deleted")
      : (lookup(`audit.actors.${actor.id}`) ?? t("audit.actors.other", { id: actor.id })));
  const what = (action: string): string =>
    (isActionCode(action) ? lookup(`audit.actions.${action}`) : undefined) ??
    t("audit.unknownAction");
  const about = (entry: AuditEntry): string => {
    const entity = lookup(`audit.entities.${entry.entity}`) ?? entry.entity;
    const label = entityLabel(entry);
    if (!label) return entity;
    const detail =
      label.kind === "text"
        ? label.text
        : label.kind === "version"
          ? t("audit.labels.version", { version: label.version })
          : t("audit.labels.fiscalYear", { year: label.year });
    return `${entity}: ${detail}`;
  };
  const field = (path: string): string => {
    const [head = path] = path.split(".");
    return /^\w+$/.test(head) ? (lookup(`audit.fields.${head}`) ?? path) : path;
  };
  return { who, what, about, field };
}
