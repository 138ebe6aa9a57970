import type { AuditEntry } from "../../../shared/audit.ts";

/** What an entry is about, in words a reader knows: a title or name, a version, or a year. */
export type EntityLabel =
  | { kind: "text"; text: string }
  | { kind: "version"; version: number }
  | { kind: "fiscalYear"; year: number };

const textFields = ["title", "name", "fileName", "displayName", "email"] as const;

export function entityLabel(entry: Pick<AuditEntry, "before" | "after">): EntityLabel | undefined {
  for (const side of [entry.after, entry.before]) {
    if (typeof side !== "object" || side === null || Array.isArray(side)) continue;
    const record = side as Record<string, unknown>;
    for (const field of textFields) {
      const value = record[field];
      if (typeof value === "string" && value.trim()) return { kind: "text", text: value };
    }
    if (typeof record.version === "number" && typeof record.kind === "string")
      return { kind: "version", version: record.version };
    if (typeof record.fiscalYear === "number")
      return { kind: "fiscalYear", year: record.fiscalYear };
  }
  return undefined;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A user id whose account no longer exists, as opposed to a named tool such as the loader. */
export function isUserId(id: string): boolean {
  return uuid.test(id);
}

/** Action codes are `entity.verb`; only those are looked up as messages. */
export function isActionCode(code: string): boolean {
  return /^[a-z_]+\.[a-z_]+$/.test(code);
}
