import { z } from "zod";
import { assessmentParams } from "./assessment.ts";

// The coordinator's and evaluator's side of the IIT/EIT surveys: links, counts against the
// minimum sample, printed codes, scores from tallies and answers taken by telephone.

export const surveyAccessModes = ["open", "code", "otp"] as const;
export type SurveyAccess = (typeof surveyAccessModes)[number];

/** Most codes one print run may make: a large agency's staff, not a flood. */
export const MAX_CODES_PER_BATCH = 2000;

const isoDate = z.iso.date();
const localText = z.object({ th: z.string(), en: z.string() });

export const surveyListParams = assessmentParams;
/** A survey tool of the assessment's framework, e.g. IIT (case does not matter). */
export const surveyParams = assessmentParams.extend({
  tool: z
    .string()
    .regex(/^[A-Za-z]{2,5}$/)
    .transform((tool) => tool.toUpperCase()),
});

const codeBatch = z.object({
  batch: z.number().int(),
  printed: z.number().int(),
  used: z.number().int(),
});

export const surveySummary = z.object({
  tool: z.string(),
  name: localText,
  /** The public link respondents open: `/go/{tool}/{token}` on the public address. */
  link: z.string(),
  access: z.enum(surveyAccessModes),
  opensOn: z.string(),
  closesOn: z.string(),
  /** Whether the survey takes answers today (Bangkok calendar day). */
  openToday: z.boolean(),
  /** The framework's collection window, which the survey's own days must lie inside. */
  window: z.object({ start: z.string(), end: z.string() }),
  population: z.number().int().nullable(),
  /** The framework's minimum sample for the population; null until the population is set. */
  minimumSample: z.number().int().nullable(),
  /** Respondents so far, from the tallies. */
  responses: z.number().int(),
  /** Respondents still needed to reach the minimum sample (0 once reached); null without one. */
  gap: z.number().int().nullable(),
  codes: z.object({
    printed: z.number().int(),
    used: z.number().int(),
    batches: z.array(codeBatch),
  }),
});

export const surveyListResponse = z.object({
  assessmentId: z.string(),
  frameworkId: z.string(),
  today: z.string(),
  surveys: z.array(surveySummary),
});

export const surveyUpdateBody = z.strictObject({
  /** People the survey is meant for (staff for IIT, service users for EIT); null when unknown. */
  population: z.number().int().min(0).nullable(),
  access: z.enum(surveyAccessModes),
  opensOn: isoDate,
  closesOn: isoDate,
});

export const codeGenerateBody = z.strictObject({
  count: z.number().int().min(1).max(MAX_CODES_PER_BATCH),
});

export const codeGenerateResponse = z.object({
  tool: z.string(),
  batch: z.number().int(),
  count: z.number().int(),
});

export const codesPdfQuery = z.object({ batch: z.coerce.number().int().min(1).max(1_000_000) });

const questionScore = z.object({
  id: z.string(),
  indicator: z.number().int(),
  score: z.number().nullable(),
  items: z.array(
    z.object({ id: z.string(), score: z.number().nullable(), answered: z.number().int() }),
  ),
});

export const surveyResultsResponse = z.object({
  assessmentId: z.string(),
  tools: z.array(
    z.object({
      tool: z.string(),
      name: localText,
      respondents: z.number().int(),
      indicators: z.array(
        z.object({ number: z.number().int(), name: localText, score: z.number().nullable() }),
      ),
      questions: z.array(questionScore),
    }),
  ),
});

export const phoneEntryBody = z.strictObject({
  /** Scored item id → option id, every item of the tool answered. */
  answers: z.record(z.string().max(40), z.string().max(40)),
  /** Made when the form was opened, so a resent form stores the answers once. */
  idempotencyKey: z.string().min(8).max(100),
});

export const phoneEntryResponse = z.object({
  outcome: z.enum(["stored", "already_stored"]),
});

export type SurveySummary = z.output<typeof surveySummary>;
export type SurveyListResponse = z.output<typeof surveyListResponse>;
export type SurveyUpdateBody = z.output<typeof surveyUpdateBody>;
export type CodeGenerateResponse = z.output<typeof codeGenerateResponse>;
export type SurveyResultsResponse = z.output<typeof surveyResultsResponse>;
export type PhoneEntryBody = z.output<typeof phoneEntryBody>;
export type PhoneEntryResponse = z.output<typeof phoneEntryResponse>;
