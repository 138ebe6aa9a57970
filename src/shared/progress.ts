import { z } from "zod";
import { assessmentParams, isoDate, measureStatuses } from "./measure.ts";

// The six-month and year-end progress reports on an assessment's measures.

export const progressKinds = ["six_month", "year_end"] as const;
export type ProgressKind = (typeof progressKinds)[number];

export const progressParams = assessmentParams.extend({ kind: z.enum(progressKinds) });

const entry = z.strictObject({
  measureId: z.uuid(),
  status: z.enum(measureStatuses),
  progress: z.number().int().min(0).max(100),
  note: z.string().trim().default(""),
});

export const progressReportBody = z.strictObject({
  /** The day the report speaks of; inside the assessment's fiscal year. */
  asOf: isoDate,
  summary: z.string().trim().min(1),
  /** One entry per measure of this assessment; each measure at most once. */
  entries: z.array(entry),
});

export const progressReportResponse = z.object({
  id: z.string(),
  assessmentId: z.string(),
  kind: z.enum(progressKinds),
  asOf: z.string(),
  summary: z.string(),
  entries: z.array(
    z.object({
      measureId: z.string(),
      status: z.enum(measureStatuses),
      progress: z.number().int(),
      note: z.string(),
    }),
  ),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

export type ProgressReportBody = z.output<typeof progressReportBody>;
export type ProgressReportResponse = z.output<typeof progressReportResponse>;
