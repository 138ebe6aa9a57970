import { z } from "zod";

// The respondent API: what a survey form or app sends for one respondent's answers.

export const surveyLinkParams = z.object({
  tool: z.string().regex(/^[A-Za-z]{2,5}$/),
  token: z.string().regex(/^[a-z0-9]{6,40}$/i),
});

export const surveyResponseBody = z.strictObject({
  /** Scored item id → option id, every item of the tool answered. */
  answers: z.record(z.string().max(40), z.string().max(40)),
  /** Made once by the form or app for this respondent; a retry sends the same key. */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9-]{16,64}$/),
  code: z.string().max(20).optional(),
  otpPass: z.string().max(100).optional(),
});

export const surveyResponseResult = z.object({
  status: z.enum(["stored", "already_stored"]),
  message: z.string(),
});

export type SurveyResponseBody = z.infer<typeof surveyResponseBody>;
export type SurveyResponseResult = z.infer<typeof surveyResponseResult>;
