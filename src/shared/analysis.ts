import { z } from "zod";
import { assessmentParams } from "./assessment.ts";

// The analysis of the result a measures year answers (ADR 0005): scores, bands, gaps, suggested
// measures and the score planner; and one indicator in detail.

const localText = z.object({ th: z.string(), en: z.string() });

/** Where an indicator stands against the thresholds; urgent ones are weaknesses below `urgent`. */
export const analysisBands = ["strength", "middle", "weakness", "urgent"] as const;
export type AnalysisBand = (typeof analysisBands)[number];

export const analysisParams = assessmentParams;
export const indicatorAnalysisParams = assessmentParams.extend({
  /** The indicator's number in the analysed year's framework, e.g. 9. */
  indicatorId: z.coerce.number().int().min(1).max(1000),
});

const rating = z.object({ id: z.string(), th: z.string(), en: z.string() });

/** This indicator's score in the most recent earlier year that has one. */
const previousScore = z.object({
  fiscalYear: z.number().int(),
  score: z.number(),
  /** This year's score minus that year's. */
  change: z.number(),
});

export const indicatorAnalysis = z.object({
  number: z.number().int(),
  name: localText,
  tool: z.string(),
  score: z.number(),
  band: z.enum(analysisBands),
  previous: previousScore.nullable(),
});

export const suggestedMeasure = z.object({
  id: z.string(),
  title: z.string(),
  steps: z.array(z.string()),
  responsible: z.array(z.string()),
  monitoring: z.string(),
  /** Every indicator this measure helps, not only the weakness it is listed under. */
  indicators: z.array(z.number().int()),
});

const actionBase = {
  indicator: z.number().int(),
  /** Overall points this action adds on its own. */
  gain: z.number(),
  /** The action in Thai, as the document writes it, e.g. "เผยแพร่ข้อ O23 … บนเว็บไซต์หลักให้ครบถ้วน". */
  label: z.string(),
};

export const plannerAction = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("publish-item"),
    ...actionBase,
    subIndicator: z.string(),
    itemId: z.string(),
    topic: z.string(),
    title: z.string(),
  }),
  z.object({
    kind: z.literal("publish-indicator"),
    ...actionBase,
    from: z.number(),
    to: z.number(),
  }),
  z.object({ kind: z.literal("raise-indicator"), ...actionBase, from: z.number(), to: z.number() }),
]);

export const targetPlan = z.object({
  target: z.number(),
  /** Points missing before any action (0 when already there). */
  gap: z.number(),
  reachable: z.boolean(),
  /** The fewest actions that reach the target, largest gain first. */
  actions: z.array(plannerAction),
  overallAfter: z.number(),
  levelAfter: z.string(),
});

export const analysedResult = z.object({
  /** The fiscal year of the analysed result (usually the year before the measures). */
  fiscalYear: z.number().int(),
  frameworkId: z.string(),
  source: z.enum(["entered", "imported", "computed"]),
  /** Recomputed from the indicator scores, full precision; round to 2 decimals for display. */
  overall: z.number(),
  level: z.string(),
  /** Null for years before the rating existed. */
  rating: rating.nullable(),
  /** For those years: the rating under the measures year's rule, when that year has one. */
  ratingByLaterRule: rating.extend({ fiscalYear: z.number().int() }).nullable(),
  /** The published figures, when stored. */
  official: z.object({ overall: z.number(), level: z.string().nullable() }).nullable(),
  tools: z.array(z.object({ id: z.string(), name: localText, score: z.number() })),
  /** The overall of the most recent earlier year with a result. */
  previous: z
    .object({ fiscalYear: z.number().int(), overall: z.number(), change: z.number() })
    .nullable(),
  /** Overall scores over the years, oldest first, the analysed year last. */
  trend: z.array(z.object({ fiscalYear: z.number().int(), overall: z.number() })),
  /** The assessment's own thresholds where set, else the framework's. */
  thresholds: z.object({ strength: z.number(), weakness: z.number(), urgent: z.number() }),
  indicators: z.array(indicatorAnalysis),
  /** Indicator numbers, highest score first. */
  strengths: z.array(z.number().int()),
  /** Indicator numbers, lowest score first. */
  middle: z.array(z.number().int()),
  /** Indicator numbers, lowest score first; includes the urgent ones. */
  weaknesses: z.array(z.number().int()),
  urgent: z.array(z.number().int()),
  gaps: z.array(z.object({ target: z.number(), gap: z.number() })),
  /** For each weakness, in the order above, the measures content/th suggests for it. */
  suggestedMeasures: z.array(
    z.object({ indicator: z.number().int(), measures: z.array(suggestedMeasure) }),
  ),
  planner: z.object({
    /** The overall the planner starts from (OIT scores from item verdicts when stored). */
    overall: z.number(),
    /** Every candidate action, largest gain first. */
    actions: z.array(plannerAction),
    targets: z.array(targetPlan),
  }),
});

export const analysisResponse = z.object({
  assessmentId: z.string(),
  /** The measures' fiscal year (the assessment's own). */
  fiscalYear: z.number().int(),
  /** Null when there is nothing to analyse yet; `reason` then says what to do. */
  result: analysedResult.nullable(),
  reason: localText.nullable(),
});

export const questionDetail = z.object({
  id: z.string(),
  text: z.string(),
  reverse: z.boolean(),
  subItems: z.array(z.object({ id: z.string(), text: z.string() })),
  /** Null when the stored result has no per-question scores (see `detailReason`). */
  score: z.number().nullable(),
});

export const oitItemDetail = z.object({
  id: z.string(),
  title: localText,
  topic: z.string(),
  subIndicator: z.object({ id: z.string(), name: localText }),
  /** What the published evidence must contain. */
  elements: z.array(z.string()),
  /** Which fiscal year the evidence must describe. */
  evidenceYear: z.enum(["current", "previous", "any"]),
  /** Null when the stored result has no verdict for this item (see `detailReason`). */
  verdict: z.enum(["pass", "fail"]).nullable(),
  /** What to publish, from content/th/oit-recommendations.json. */
  recommendation: z.string().nullable(),
});

export const indicatorAnalysisResponse = z.object({
  assessmentId: z.string(),
  fiscalYear: z.number().int(),
  /** The analysed result's year, or null when there is none yet. */
  analysedFiscalYear: z.number().int().nullable(),
  /** The framework the indicator is read in: the analysed result's, else the assessment's own. */
  frameworkId: z.string(),
  indicator: z.object({
    number: z.number().int(),
    name: localText,
    tool: z.string(),
    toolKind: z.enum(["survey", "checklist"]),
  }),
  /** From content/th/indicators.json. */
  purpose: z.string().nullable(),
  expects: z.string().nullable(),
  recommendations: z.array(z.string()),
  score: z.number().nullable(),
  band: z.enum(analysisBands).nullable(),
  previous: previousScore.nullable(),
  /** IIT and EIT indicators: the framework's questions; empty for OIT. */
  questions: z.array(questionDetail),
  /** OIT indicators: the framework's items; empty for surveys. */
  items: z.array(oitItemDetail),
  /** Why per-question scores or per-item verdicts are missing; null when all are given. */
  detailReason: localText.nullable(),
  /** Why there is no score; null when there is one. */
  reason: localText.nullable(),
});

export type AnalysisResponse = z.output<typeof analysisResponse>;
export type AnalysedResult = z.output<typeof analysedResult>;
export type IndicatorAnalysis = z.output<typeof indicatorAnalysis>;
export type SuggestedMeasure = z.output<typeof suggestedMeasure>;
export type PlannerAction = z.output<typeof plannerAction>;
export type TargetPlan = z.output<typeof targetPlan>;
export type IndicatorAnalysisResponse = z.output<typeof indicatorAnalysisResponse>;
export type QuestionDetail = z.output<typeof questionDetail>;
export type OitItemDetail = z.output<typeof oitItemDetail>;
