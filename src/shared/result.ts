import { z } from "zod";

// An assessment's result: indicator scores entered or imported, the official figures beside the
// recomputed ones, and the difference when they disagree.

export const resultBody = z.strictObject({
  indicators: z.record(z.string().regex(/^[1-9][0-9]*$/), z.number().min(0).max(100)),
  oit: z.record(z.string().regex(/^[oO][0-9]+$/), z.enum(["pass", "fail"])).optional(),
  official: z
    .strictObject({
      overall: z.number().min(0).max(100),
      level: z.string().trim().min(1).optional(),
    })
    .optional(),
});

const localText = z.object({ th: z.string(), en: z.string() });

export const resultResponse = z.object({
  agencyId: z.string(),
  assessmentId: z.string(),
  fiscalYear: z.number(),
  frameworkId: z.string(),
  source: z.enum(["entered", "imported", "computed"]),
  indicators: z.record(z.string(), z.number()),
  oit: z.record(z.string(), z.enum(["pass", "fail"])).nullable(),
  official: z.object({ overall: z.number(), level: z.string().nullable() }).nullable(),
  /** Recomputed from the indicator scores with the framework's weights and levels. */
  computed: z.object({ overall: z.number(), level: z.string() }),
  /** Official minus computed overall when they differ by more than 0.01; otherwise null. */
  discrepancy: z.number().nullable(),
  /** Why the result is flagged (overall or level differ); null when it is not. */
  explanation: localText.nullable(),
  /** The year's rating of the recomputed figures; null for years before the rating existed. */
  rating: z.object({ id: z.string(), th: z.string(), en: z.string() }).nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  /** The display name of the person who last wrote it; null when it was not a person (the demo). */
  updatedByName: z.string().nullable(),
});

export const importQuery = z.object({
  /** Check the file and report, writing nothing. */
  dryRun: z.enum(["true", "false"]).default("false"),
});

/** A result's figures as an import preview compares them. */
const importFigures = z.object({
  /** Recomputed from the indicator scores. */
  overall: z.number(),
  level: z.string(),
  official: z.object({ overall: z.number(), level: z.string().nullable() }).nullable(),
  indicators: z.record(z.string(), z.number()),
  /** OIT item verdicts held; an imported file carries none, so importing removes them. */
  oitVerdicts: z.number().int(),
});

export const importChange = z.object({
  row: z.number(),
  agencyId: z.string(),
  agencyName: z.string(),
  fiscalYear: z.number(),
  frameworkId: z.string(),
  /** What is stored now; null when the agency has no result of that year yet. */
  current: importFigures.extend({ source: z.enum(["entered", "imported", "computed"]) }).nullable(),
  /** What the file would store. */
  incoming: importFigures,
  /** True when the file would store exactly what is stored now. */
  unchanged: z.boolean(),
});

export const importSummary = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  agencies: z.number(),
  assessmentsCreated: z.number(),
  discrepancies: z.array(
    z.object({
      row: z.number(),
      agencyId: z.string(),
      fiscalYear: z.number(),
      officialOverall: z.number(),
      computedOverall: z.number(),
      discrepancy: z.number(),
    }),
  ),
  /** On a dry run: for each agency-year of the file, what is stored now and what would be. */
  changes: z.array(importChange).optional(),
});

export type ResultBody = z.output<typeof resultBody>;
export type ResultResponse = z.output<typeof resultResponse>;
export type ImportSummary = z.output<typeof importSummary>;
export type ImportChange = z.output<typeof importChange>;
