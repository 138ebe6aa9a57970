import { z } from "zod";
import type { IssueDetail } from "../errors.ts";
import { issueDetails } from "../validation.ts";
import {
  type EvidenceYear,
  elementsOf,
  evidenceYearOf,
  evidenceYearWords,
  itemIdPattern,
  type ProvenanceStatus,
  subIndicatorPattern,
  topicPattern,
} from "./oit-item-values.ts";

// A new fiscal year's OIT item list as read from a file (docs/oit-items-format.md), before it is
// checked against last year's list.

export type OitItemField =
  | "subIndicator"
  | "subIndicatorName"
  | "subIndicatorNameEn"
  | "id"
  | "title"
  | "titleEn"
  | "elements"
  | "year"
  | "topic"
  | "previous"
  | "merge"
  | "newTopic"
  | "provenance"
  | "provenanceNote";

/** One item of the new list, with where each of its values was written. */
export interface OitItemRow {
  /** `row 7` in a sheet, `items.3` in a JSON file. */
  at: string;
  paths: Record<OitItemField, string>;
  subIndicator: string;
  subIndicatorName: { th?: string; en?: string };
  id: string;
  title: { th: string; en?: string };
  elements: string[];
  year: EvidenceYear;
  topic: string;
  /** Ids of last year's items this item continues; empty for a new item. */
  previous: string[];
  /** Set when several of last year's items were merged into this one on purpose. */
  merge: boolean;
  /** Set when this item continues last year's item under a different topic on purpose. */
  newTopic: boolean;
  provenance?: { status: ProvenanceStatus; note: string };
}

/** Last year's items the new list leaves out, named on purpose. */
export interface DroppedItem {
  path: string;
  id: string;
}

export interface OitItemsInput {
  items: OitItemRow[];
  dropped: DroppedItem[];
  /** Problems found while reading; the list is still checked as far as it can be. */
  problems: IssueDetail[];
}

const nonEmpty = z.string().trim().min(1);
const itemId = z.string().regex(itemIdPattern, "an OIT item id such as O12");
const allYearWords = Object.values(evidenceYearWords).flat() as [string, ...string[]];

export const oitItemsFileItemSchema = z.strictObject({
  subIndicator: z.string().regex(subIndicatorPattern, "a sub-indicator id such as 9.1"),
  subIndicatorName: z.strictObject({ th: nonEmpty, en: nonEmpty.optional() }).optional(),
  id: itemId,
  title: z.strictObject({ th: nonEmpty, en: nonEmpty.optional() }),
  elements: z.union([z.array(nonEmpty).min(1), nonEmpty]),
  /** Which fiscal year the evidence must describe: current, previous or any (Thai words too). */
  year: z.enum(allYearWords),
  topic: z.string().regex(topicPattern, "a topic slug such as complaint-guideline"),
  /** Last year's item id(s) this item continues; null, empty or left out for a new item. */
  previous: z
    .union([itemId, z.array(itemId)])
    .nullable()
    .optional(),
  merge: z.boolean().optional(),
  newTopic: z.boolean().optional(),
  provenance: z
    .strictObject({ status: z.enum(["confirmed", "inferred", "uncertain"]), note: nonEmpty })
    .optional(),
});

/** The JSON form of an OIT item list; `schemas/oit-items.schema.json` is generated from it. */
export const oitItemsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  items: z.array(z.unknown()).min(1),
  /** Last year's item ids that have no successor in the new list. */
  dropped: z.array(z.unknown()).optional(),
});

/** The JSON Schema's view: the same file with each item's shape spelled out. */
export const oitItemsFileJsonSchema = oitItemsFileSchema.extend({
  items: z.array(oitItemsFileItemSchema).min(1),
  dropped: z.array(itemId).optional(),
});

const jsonFields: Record<OitItemField, string> = {
  subIndicator: "subIndicator",
  subIndicatorName: "subIndicatorName.th",
  subIndicatorNameEn: "subIndicatorName.en",
  id: "id",
  title: "title.th",
  titleEn: "title.en",
  elements: "elements",
  year: "year",
  topic: "topic",
  previous: "previous",
  merge: "merge",
  newTopic: "newTopic",
  provenance: "provenance.status",
  provenanceNote: "provenance.note",
};

/** Reads the JSON form; each item is checked on its own so one bad item hides no other problem. */
export function readOitItemsJson(data: unknown): OitItemsInput {
  const input: OitItemsInput = { items: [], dropped: [], problems: [] };
  const file = oitItemsFileSchema.safeParse(data, { reportInput: true });
  if (!file.success) {
    input.problems.push(...file.error.issues.flatMap((issue) => issueDetails(issue)));
    return input;
  }
  file.data.items.forEach((raw, index) => {
    const prefix = ["items", index];
    const parsed = oitItemsFileItemSchema.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      input.problems.push(...parsed.error.issues.flatMap((issue) => issueDetails(issue, prefix)));
      return;
    }
    const item = parsed.data;
    const at = `items.${index}`;
    const paths = Object.fromEntries(
      Object.entries(jsonFields).map(([field, path]) => [field, `${at}.${path}`]),
    ) as Record<OitItemField, string>;
    const previous = item.previous ?? [];
    input.items.push({
      at,
      paths,
      subIndicator: item.subIndicator,
      subIndicatorName: { ...item.subIndicatorName },
      id: item.id,
      title: item.title,
      elements: typeof item.elements === "string" ? elementsOf(item.elements) : item.elements,
      year: evidenceYearOf(item.year) ?? "any",
      topic: item.topic,
      previous: typeof previous === "string" ? [previous] : previous,
      merge: item.merge ?? false,
      newTopic: item.newTopic ?? false,
      ...(item.provenance ? { provenance: item.provenance } : {}),
    });
  });
  (file.data.dropped ?? []).forEach((raw, index) => {
    const path = `dropped.${index}`;
    const id = itemId.safeParse(raw, { reportInput: true });
    if (id.success) input.dropped.push({ path, id: id.data });
    else input.problems.push(...id.error.issues.flatMap((issue) => issueDetails(issue, [path])));
  });
  return input;
}
