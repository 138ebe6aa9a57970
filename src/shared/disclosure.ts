import { z } from "zod";
import { type EvidenceSource, evidenceSources } from "../domain/content/published-evidence.ts";

// Disclosure monitoring: whether each agency published its measures document and the measures'
// progress report on its own web site (the website checker's latest finding) and on Prongsai's
// public page, for one fiscal year.

/** The two pieces of evidence watched, named as content/th/published-evidence.json names them. */
export const disclosureSources = evidenceSources;
export type DisclosureSource = EvidenceSource;

/** The website checker's statuses, and `unchecked` when no check has found anything yet. */
export const disclosureStatuses = [
  "pass",
  "outdated",
  "broken",
  "orphan",
  "missing",
  "unchecked",
] as const;
export type DisclosureStatus = (typeof disclosureStatuses)[number];

const name = z.string().trim().min(1).max(200);

/** The query, with province and kind of agency checked against the national reference's names. */
export function disclosureQueryWith(choices: {
  provinces: readonly string[];
  types: readonly string[];
}) {
  const oneOf = (values: readonly string[]) =>
    values.length > 0 ? z.enum(values as [string, ...string[]]) : name;
  return z.object({
    fiscalYear: z.coerce.number().int().min(2500).max(2700),
    province: oneOf(choices.provinces).optional(),
    /** The kind of agency, as agencies are registered (e.g. เทศบาลตำบล). */
    type: oneOf(choices.types).optional(),
    /** Agencies where either piece of evidence has this status. */
    status: z.enum(disclosureStatuses).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  });
}

export const disclosureQuery = disclosureQueryWith({ provinces: [], types: [] });
export type DisclosureQuery = z.output<typeof disclosureQuery>;

export const disclosure = z.object({
  /** The item of the agency's framework with this topic, e.g. O42. */
  itemId: z.string(),
  status: z.enum(disclosureStatuses),
  /** Where the checker found it; null when it found nothing. */
  url: z.string().nullable(),
  checkedAt: z.iso.datetime().nullable(),
  reason: z.string().nullable(),
  reasonEn: z.string().nullable(),
  /** Prongsai's own public page has it: an approved document version, or a progress report. */
  onPublicPage: z.boolean(),
});
export type Disclosure = z.output<typeof disclosure>;

export const disclosureRow = z.object({
  agencyId: z.string(),
  name: z.string(),
  type: z.string(),
  province: z.string(),
  website: z.string(),
  assessmentId: z.string(),
  frameworkId: z.string(),
  /** One entry per source; null when the agency's framework has no item of that topic. */
  disclosures: z.object({
    "measures-document": disclosure.nullable(),
    "measures-progress": disclosure.nullable(),
  }),
});
export type DisclosureRow = z.output<typeof disclosureRow>;

const statusCounts = z.object(
  Object.fromEntries(disclosureStatuses.map((s) => [s, z.number().int()])) as Record<
    DisclosureStatus,
    z.ZodNumber
  >,
);
export type DisclosureCounts = z.output<typeof statusCounts>;

export const disclosurePage = z.object({
  fiscalYear: z.number().int(),
  /** Agencies after every filter, across all pages. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  rows: z.array(disclosureRow),
  /** Per source, agencies by status under the province and type filters (not the status one). */
  counts: z.object({
    "measures-document": statusCounts,
    "measures-progress": statusCounts,
  }),
});
export type DisclosurePage = z.output<typeof disclosurePage>;
