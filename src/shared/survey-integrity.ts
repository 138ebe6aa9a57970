import { z } from "zod";
import { assessmentParams } from "./assessment.ts";

// Integrity flags of an assessment's surveys and the anonymous export: what evaluators see to
// judge how answers were collected. Nothing here ever names a response or carries its answers.

export const surveyFlagsParams = assessmentParams;

export const surveyExportParams = assessmentParams;
export const surveyExportQuery = z.object({
  tool: z
    .string()
    .regex(/^[A-Z]{2,5}$/)
    .describe("the survey tool, e.g. IIT or EIT"),
});

const explanation = z.object({ th: z.string(), en: z.string() });

export const surveyFlag = z.discriminatedUnion("kind", [
  /** More than the framework's burst minimum within its burst window, seen while collecting. */
  z.object({ kind: z.literal("burst"), explanation, day: z.string(), peak: z.number() }),
  /** A day with far more responses than the tool's other days. */
  z.object({
    kind: z.literal("busy_day"),
    explanation,
    day: z.string(),
    responses: z.number(),
    medianPerDay: z.number(),
  }),
  z.object({
    kind: z.literal("straight_line"),
    explanation,
    responses: z.number(),
    respondents: z.number(),
  }),
  /** The very same answers to every item stored more than once on the same day. */
  z.object({
    kind: z.literal("duplicate_answers"),
    explanation,
    groups: z.number(),
    extraResponses: z.number(),
  }),
  z.object({
    kind: z.literal("over_population"),
    explanation,
    respondents: z.number(),
    population: z.number(),
  }),
  /** An indicator far from the agency's result of the fiscal year before. */
  z.object({
    kind: z.literal("history_drift"),
    explanation,
    indicator: z.number(),
    score: z.number(),
    previous: z.number(),
    previousFiscalYear: z.number(),
  }),
]);
export type SurveyFlag = z.infer<typeof surveyFlag>;

export const surveyToolFlags = z.object({
  tool: z.string(),
  respondents: z.number(),
  flags: z.array(surveyFlag),
});

export const surveyFlagsResponse = z.object({
  assessmentId: z.string(),
  fiscalYear: z.number(),
  /** The framework's thresholds these flags were judged by. */
  rules: z.object({
    burstWindowMinutes: z.number(),
    burstMinimum: z.number(),
    straightLineMinimumItems: z.number(),
    historyDriftPoints: z.number(),
    busyDayFactor: z.number(),
  }),
  tools: z.array(surveyToolFlags),
});
export type SurveyFlagsResponse = z.infer<typeof surveyFlagsResponse>;
