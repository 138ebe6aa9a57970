import { z } from "zod";

// The OIT checklist, the evaluators' review and the website checker's findings as the API shows them.

export const oitParams = z.object({ agencyId: z.uuid(), assessmentId: z.uuid() });

/** Longest explanation, comment or clarification accepted, and most links per item. */
export const OIT_TEXT_MAX = 4_000;
export const OIT_URLS_MAX = 10;

const itemId = z
  .string()
  .trim()
  .regex(/^[oO][0-9]+$/);
const text = z.string().trim().max(OIT_TEXT_MAX);
/** http(s) URLs; checked with the other rules so every problem is listed together. */
const urls = z.array(z.string().trim().max(2_000).meta({ format: "uri" })).max(OIT_URLS_MAX);

export const oitAnswersBody = z.strictObject({
  answers: z
    .array(
      z.strictObject({
        itemId,
        /** Has / has not; null keeps the item undecided in the draft. */
        has: z.boolean().nullable(),
        urls: urls.default([]),
        explanation: text.default(""),
      }),
    )
    .min(1)
    .max(200),
});
export type OitAnswersBody = z.output<typeof oitAnswersBody>;

export const oitVerdictsBody = z.strictObject({
  verdicts: z
    .array(
      z.strictObject({
        itemId,
        verdict: z.enum(["pass", "fail"]),
        /** Required for a failed item: the agency reads it in the clarification round. */
        comment: text.default(""),
      }),
    )
    .min(1)
    .max(200),
});
export type OitVerdictsBody = z.output<typeof oitVerdictsBody>;

export const oitClarificationsBody = z.strictObject({
  clarifications: z
    .array(z.strictObject({ itemId, text: text.min(1), urls: urls.default([]) }))
    .min(1)
    .max(200),
});
export type OitClarificationsBody = z.output<typeof oitClarificationsBody>;

/** Submitting and confirming take no fields; a body, when sent, must be empty. */
export const oitEmptyBody = z.strictObject({}).nullish();

const localText = z.object({ th: z.string(), en: z.string() });
export const oitCheckStatus = z.enum(["pass", "outdated", "broken", "orphan", "missing"]);

export const oitItemView = z.object({
  id: z.string(),
  topic: z.string(),
  title: localText,
  elements: z.array(z.string()),
  year: z.enum(["current", "previous", "any"]),
  answer: z
    .object({
      has: z.boolean().nullable(),
      urls: z.array(z.string()),
      explanation: z.string(),
      clarification: z.string().nullable(),
      clarificationUrls: z.array(z.string()),
      updatedAt: z.string(),
    })
    .nullable(),
  /** Null when none yet, or hidden from the agency before the clarification window. */
  verdict: z
    .object({ verdict: z.enum(["pass", "fail"]), comment: z.string(), decidedAt: z.string() })
    .nullable(),
  check: z
    .object({
      status: oitCheckStatus,
      url: z.string().nullable(),
      reason: z.string(),
      reasonEn: z.string(),
      checkedAt: z.string(),
      sha256: z.string().nullable(),
    })
    .nullable(),
});
export type OitItemView = z.output<typeof oitItemView>;

export const oitWindowView = z.object({
  id: z.string(),
  name: localText,
  start: z.string(),
  end: z.string(),
  status: z.enum(["past", "current", "upcoming"]),
});

export const oitScoreView = z.object({
  /** True once the evaluator confirmed the verdicts (then written into the result). */
  final: z.boolean(),
  indicators: z.array(z.object({ number: z.number(), name: localText, score: z.number() })),
  subIndicators: z.array(
    z.object({
      id: z.string(),
      indicator: z.number(),
      name: localText,
      passed: z.number(),
      items: z.number(),
      score: z.number(),
    }),
  ),
});

export const oitChecklistResponse = z.object({
  assessmentId: z.string(),
  fiscalYear: z.number(),
  frameworkId: z.string(),
  /** The Bangkok day the windows are marked against. */
  today: z.string(),
  status: z.enum(["draft", "submitted", "confirmed"]),
  submittedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  windows: z.array(oitWindowView),
  progress: z.object({ answered: z.number(), total: z.number(), verdicts: z.number() }),
  /** Whether verdicts (and the score) are shown to this caller. */
  verdictsVisible: z.boolean(),
  subIndicators: z.array(
    z.object({
      id: z.string(),
      indicator: z.number(),
      name: localText,
      items: z.array(oitItemView),
    }),
  ),
  /** From the verdicts given so far by the framework's OIT rule; null before any is visible. */
  score: oitScoreView.nullable(),
});
export type OitChecklistResponse = z.output<typeof oitChecklistResponse>;
