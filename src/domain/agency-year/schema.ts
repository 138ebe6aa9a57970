import { z } from "zod";
import { agencyTypes } from "./agency-types.ts";

export { agencyTypes };

// The agency-year input file (docs/agency-year-format.md): one small file per agency and year.

const score = z.number().min(0).max(100);
const fiscalYear = z.number().int().min(2500).max(2700);
const indicatorKey = z.string().regex(/^[0-9]+$/, "indicator numbers only, e.g. 1 to 10");
/** YYYY-MM-DD, Buddhist Era (2566-03-31) or Gregorian (2023-03-31). */
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "write dates as YYYY-MM-DD, e.g. 2566-03-31");
const nonEmpty = z.string().trim().min(1);

const measureSchema = z.strictObject({
  title: nonEmpty,
  steps: z.array(nonEmpty).min(1),
  responsible: z.array(nonEmpty).min(1),
  monitoring: z.array(z.strictObject({ date, activity: nonEmpty })).min(1),
  indicators: z.array(z.number().int().positive()).min(1),
  oitItems: z.array(nonEmpty).default([]),
});

export const agencyYearSchema = z.strictObject({
  $schema: z.string().optional(),
  agency: z.strictObject({
    name: nonEmpty,
    nameEn: nonEmpty.optional(),
    type: z.enum(agencyTypes),
    district: nonEmpty,
    province: nonEmpty,
    website: z.url({ protocol: /^https?$/ }),
    head: z.strictObject({ name: nonEmpty.optional(), position: nonEmpty }),
    divisions: z.array(nonEmpty).min(1),
  }),
  /** The fiscal year of the measures (Buddhist Era). */
  fiscalYear,
  results: z.strictObject({
    /** The assessed fiscal year whose result is analysed. */
    fiscalYear,
    /** Framework id; defaults to `ita-<results.fiscalYear>`. */
    framework: z.string().optional(),
    indicators: z.record(indicatorKey, score),
    questions: z.record(z.string(), score).optional(),
    oit: z.record(z.string(), z.enum(["pass", "fail"])).optional(),
    official: z
      .strictObject({ overall: score, level: z.string().optional(), rating: z.string().optional() })
      .optional(),
  }),
  history: z
    .array(
      z.strictObject({
        fiscalYear,
        overall: score.optional(),
        level: z.string().optional(),
        indicators: z.record(indicatorKey, score).optional(),
      }),
    )
    .default([]),
  thresholds: z
    .strictObject({
      strength: score.optional(),
      weakness: score.optional(),
      urgent: score.optional(),
    })
    .optional(),
  measures: z.array(measureSchema).min(1),
  approval: z.strictObject({
    signatory: z.strictObject({ name: nonEmpty.optional(), position: nonEmpty }),
    date: date.optional(),
  }),
});

export type AgencyYearFile = z.output<typeof agencyYearSchema>;
export type MeasureInput = z.output<typeof measureSchema>;
