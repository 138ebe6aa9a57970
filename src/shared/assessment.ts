import { z } from "zod";

// Assessments: one agency's fiscal year under one framework, and the phases its windows give.

export const fiscalYearParams = z.object({
  fiscalYear: z.coerce.number().int().min(2500).max(2700),
});

export const openYearBody = z.strictObject({
  /** Defaults to ita-<fiscalYear>. */
  frameworkId: z.string().trim().min(1).optional(),
  /** Defaults to every registered agency. */
  agencyIds: z.array(z.uuid()).min(1).optional(),
});

export const openYearResponse = z.object({
  fiscalYear: z.number(),
  frameworkId: z.string(),
  created: z.number(),
  skipped: z.number(),
  createdAssessments: z.array(z.object({ agencyId: z.string(), assessmentId: z.string() })),
  /** Agencies that already had an assessment of the year; left as they were. */
  skippedAgencyIds: z.array(z.string()),
});

export const assessmentParams = z.object({ agencyId: z.uuid(), assessmentId: z.uuid() });

export const assessmentResponse = z.object({
  id: z.string(),
  agencyId: z.string(),
  fiscalYear: z.number(),
  frameworkId: z.string(),
  createdAt: z.string(),
});

const localText = z.object({ th: z.string(), en: z.string() });

export const phaseResponse = z.object({
  id: z.string(),
  name: localText,
  start: z.string(),
  end: z.string(),
  status: z.enum(["past", "current", "upcoming"]),
});

export const assessmentDetailResponse = assessmentResponse.extend({
  /** The day (in Thailand) the phases were marked against. */
  today: z.string(),
  phases: z.array(phaseResponse),
  currentPhaseId: z.string().nullable(),
});

export type OpenYearBody = z.output<typeof openYearBody>;
export type OpenYearResponse = z.output<typeof openYearResponse>;
export type AssessmentResponse = z.output<typeof assessmentResponse>;
export type AssessmentDetailResponse = z.output<typeof assessmentDetailResponse>;
