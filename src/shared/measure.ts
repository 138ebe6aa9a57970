import { z } from "zod";

// Improvement measures of an assessment as the API takes and shows them.

export const measureStatuses = ["planned", "in_progress", "done", "cancelled"] as const;
export type MeasureStatus = (typeof measureStatuses)[number];

const text = z.string().trim().min(1);
/** Gregorian calendar date, YYYY-MM-DD. */
export const isoDate = z.iso.date();
const progress = z.number().int().min(0).max(100);

export const assessmentParams = z.object({ agencyId: z.uuid(), assessmentId: z.uuid() });
export const measureParams = assessmentParams.extend({ measureId: z.uuid() });

const fields = {
  title: text,
  steps: z.array(text).min(1),
  /** Each must be one of the agency's divisions. */
  responsible: z.array(text).min(1),
  /** Indicator numbers of the assessment's framework. */
  indicators: z.array(z.number().int().positive()).min(1),
  /** OIT item ids of the assessment's framework, e.g. O42. */
  oitItems: z.array(text),
  monitoring: z.array(z.strictObject({ date: isoDate, activity: text })),
  /** Both inside the assessment's fiscal year, start on or before due. */
  startDate: isoDate,
  dueDate: isoDate,
  /** http(s) URLs; checked with the other rules so every problem is listed together. */
  evidenceLinks: z.array(z.string().trim().meta({ format: "uri" })),
};

/**
 * Status and progress agree: progress is 100 exactly when the measure is done. Setting status
 * `done` without a progress sets progress to 100; any other disagreement is refused.
 */
export const measureCreate = z.strictObject({
  ...fields,
  oitItems: fields.oitItems.default([]),
  monitoring: fields.monitoring.default([]),
  evidenceLinks: fields.evidenceLinks.default([]),
  status: z.enum(measureStatuses).default("planned"),
  progress: progress.optional(),
});

export const measureUpdate = z
  .strictObject({
    ...fields,
    status: z.enum(measureStatuses),
    progress,
  })
  .partial()
  .extend({
    /** The version the client read; a stale one is refused with 409 so no change is lost. */
    version: z.number().int().positive(),
  })
  .refine((u) => Object.keys(u).length > 1, {
    message: "give at least one field to change besides version",
    // Only when nothing else is wrong: an unknown field is reported as itself.
    when: (payload) => payload.issues.length === 0,
  });

export const measureResponse = z.object({
  id: z.string(),
  assessmentId: z.string(),
  position: z.number().int(),
  title: z.string(),
  steps: z.array(z.string()),
  responsible: z.array(z.string()),
  indicators: z.array(z.number().int()),
  oitItems: z.array(z.string()),
  monitoring: z.array(z.object({ date: z.string(), activity: z.string() })),
  startDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(measureStatuses),
  progress: z.number().int(),
  evidenceLinks: z.array(z.string()),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type MeasureCreate = z.output<typeof measureCreate>;
export type MeasureUpdate = z.output<typeof measureUpdate>;
export type MeasureResponse = z.output<typeof measureResponse>;
