// Before and after of an audit entry as a list of fields, so a reader sees what changed.

export interface FieldChange {
  /** The field's path, e.g. `status` or `approval.date`. */
  path: string;
  before: unknown;
  after: unknown;
}

export interface EntryDiff {
  /** Created: only an after; deleted: only a before; changed: both. */
  kind: "created" | "deleted" | "changed";
  changes: FieldChange[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Leaves of nested objects, two levels deep; arrays and deeper values stay whole. */
function flatten(value: unknown, prefix = "", depth = 0): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!isRecord(value) || depth >= 2) {
    out.set(prefix, value);
    return out;
  }
  for (const [key, child] of Object.entries(value))
    for (const [path, leaf] of flatten(child, prefix ? `${prefix}.${key}` : key, depth + 1))
      out.set(path, leaf);
  return out;
}

const absent = (value: unknown) => value === undefined || value === null;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields an entry recorded: every field of a creation or deletion, the changed ones otherwise. */
export function diffEntry(before: unknown, after: unknown): EntryDiff {
  if (absent(before))
    return {
      kind: "created",
      changes: [...flatten(after)].map(([path, value]) => ({
        path,
        before: undefined,
        after: value,
      })),
    };
  if (absent(after))
    return {
      kind: "deleted",
      changes: [...flatten(before)].map(([path, value]) => ({
        path,
        before: value,
        after: undefined,
      })),
    };
  const old = flatten(before);
  const now = flatten(after);
  const paths = [...new Set([...now.keys(), ...old.keys()])];
  return {
    kind: "changed",
    changes: paths
      .filter((path) => !same(old.get(path), now.get(path)))
      .map((path) => ({ path, before: old.get(path), after: now.get(path) })),
  };
}

/** A recorded value as plain text: lists joined, objects as compact JSON. */
export function valueText(value: unknown, words: { empty: string; yes: string; no: string }) {
  if (value === undefined || value === null || value === "") return words.empty;
  if (typeof value === "boolean") return value ? words.yes : words.no;
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return words.empty;
    if (value.every((v) => typeof v !== "object" || v === null)) return value.join(", ");
  }
  return JSON.stringify(value);
}
