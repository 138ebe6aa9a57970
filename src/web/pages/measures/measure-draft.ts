import type { MeasureResponse } from "../../../shared/measure.ts";

// The add/edit form's working copy of a measure, and its conversion to and from the API's shape.

/** A list item with a stable key, so moving or removing rows keeps typed text and focus in place. */
export interface Keyed<T> {
  key: string;
  value: T;
}

let counter = 0;
export function keyed<T>(value: T): Keyed<T> {
  counter += 1;
  return { key: `item-${counter}`, value };
}

export interface MonitoringRow {
  date: string;
  activity: string;
}

export interface MeasureDraft {
  title: string;
  steps: Keyed<string>[];
  responsible: string[];
  indicators: number[];
  /** OIT item ids as typed, e.g. "O42, O43". */
  oitItems: string;
  startDate: string;
  dueDate: string;
  monitoring: Keyed<MonitoringRow>[];
}

/** The measure fields the form sends; an empty date is left out so the server says it is missing. */
export interface MeasureFieldsBody {
  title: string;
  steps: string[];
  responsible: string[];
  indicators: number[];
  oitItems: string[];
  monitoring: MonitoringRow[];
  startDate?: string;
  dueDate?: string;
}

export function emptyDraft(defaults: Partial<MeasureFieldsBody> = {}): MeasureDraft {
  return {
    title: defaults.title ?? "",
    steps: (defaults.steps?.length ? defaults.steps : [""]).map((s) => keyed(s)),
    responsible: defaults.responsible ?? [],
    indicators: defaults.indicators ?? [],
    oitItems: (defaults.oitItems ?? []).join(", "),
    startDate: defaults.startDate ?? "",
    dueDate: defaults.dueDate ?? "",
    monitoring: (defaults.monitoring ?? []).map((m) => keyed(m)),
  };
}

export function draftFromMeasure(measure: MeasureResponse): MeasureDraft {
  return emptyDraft({
    ...measure,
    startDate: measure.startDate ?? "",
    dueDate: measure.dueDate ?? "",
  });
}

/** Blank rows are dropped (people leave one by accident); half-filled rows go, for the server to name. */
export function draftToBody(draft: MeasureDraft): MeasureFieldsBody {
  const monitoring = draft.monitoring
    .map(({ value }) => ({ date: value.date, activity: value.activity.trim() }))
    .filter((m) => m.date !== "" || m.activity !== "");
  return {
    title: draft.title.trim(),
    steps: draft.steps.map((s) => s.value.trim()).filter((s) => s !== ""),
    responsible: draft.responsible,
    indicators: [...draft.indicators].sort((a, b) => a - b),
    oitItems: parseOitItems(draft.oitItems),
    monitoring,
    ...(draft.startDate ? { startDate: draft.startDate } : {}),
    ...(draft.dueDate ? { dueDate: draft.dueDate } : {}),
  };
}

/** "o42, O43 o44" → ["o42", "O43", "o44"]; the server spells each the framework's way. */
export function parseOitItems(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((id) => id.trim())
    .filter((id) => id !== "");
}

/** The list with the item at `from` moved to `to` (both inside the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
}

/** A problem's body path split into the form field, the row number and the row's part. */
export function splitProblemPath(path: string): { field: string; row?: number; part?: string } {
  const [field = "", index, part] = path.replace(/^body\./, "").split(".");
  const row = index !== undefined && /^\d+$/.test(index) ? Number(index) + 1 : undefined;
  return { field, ...(row === undefined ? {} : { row }), ...(part ? { part } : {}) };
}
