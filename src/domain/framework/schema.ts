import { z } from "zod";
import { checkCrossReferences } from "./cross-references.ts";

// One schema for every fiscal year's framework file; year differences are data, never code.

const provenance = z.strictObject({
  status: z.enum(["confirmed", "inferred", "uncertain"]),
  note: z.string().min(1),
});

const text = z.strictObject({ th: z.string().min(1), en: z.string().min(1) });

const optionSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  label: text,
  points: z.number().min(0).max(100),
});

const scaleSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: text,
  /** Ordered from the least favourable to the most favourable answer of a positive question. */
  options: z.array(optionSchema).min(2),
});

const toolId = z.string().regex(/^[A-Z]{2,5}$/);

const toolSchema = z.strictObject({
  id: toolId,
  kind: z.enum(["survey", "checklist"]),
  name: text,
  /** Share of the overall score; all tools' weights sum to 1. */
  weight: z.number().positive().max(1),
});

const indicatorSchema = z.strictObject({
  number: z.number().int().positive(),
  tool: toolId,
  name: text,
  /** Relative weight inside its tool; the tool score is the weighted mean of its indicators. */
  weight: z.number().positive().default(1),
});

const subItemSchema = z.strictObject({
  id: z.string().min(1),
  text: z.string().min(1),
  /** Overrides the question's direction for this sub-item (e.g. i11: one positive, one reverse). */
  reverse: z.boolean().optional(),
});

const questionSchema = z.strictObject({
  id: z.string().regex(/^[a-z]+[0-9]+$/),
  indicator: z.number().int().positive(),
  text: z.string().min(1),
  scale: z.string().min(1),
  /** Reverse questions ask about bad behaviour: the mirrored option's points are scored. */
  reverse: z.boolean().default(false),
  subItems: z.array(subItemSchema).default([]),
});

const oitItemIdPattern = /^[oO][0-9]+$/;

const oitItemSchema = z.strictObject({
  id: z.string().regex(oitItemIdPattern),
  /** Stable key across years (e.g. `complaint-guideline`) that content and year mappings use. */
  topic: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: text,
  elements: z.array(z.string().min(1)).min(1),
  /** Which fiscal year the published evidence must describe. */
  year: z.enum(["current", "previous", "any"]),
  provenance: provenance.optional(),
});

const subIndicatorSchema = z.strictObject({
  id: z.string().regex(/^[0-9]+\.[0-9]+$/),
  indicator: z.number().int().positive(),
  name: text,
  items: z.array(oitItemSchema).min(1),
});

const previousSchema = z.strictObject({
  /** The framework whose OIT list this one's replaced (usually last fiscal year's). */
  framework: z.string().regex(/^[a-z]+-[0-9]{4}$/),
  /** Every item of that list: the item of this list it became, or null when it was dropped. */
  oitItems: z.record(
    z.string().regex(oitItemIdPattern),
    z.string().regex(oitItemIdPattern).nullable(),
  ),
});

const levelSchema = z.strictObject({
  id: z.string().min(1),
  /** Lowest overall score (rounded to 2 decimals) that earns this level. */
  min: z.number().min(0).max(100),
});

const ratingBandSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z-]*$/),
  label: text,
  minOverall: z.number().min(0).max(100),
  /** When set, every tool score must also reach it. */
  minEachTool: z.number().min(0).max(100).optional(),
});

const sampleRuleSchema = z.strictObject({
  tool: toolId,
  /** Share of the population to sample. */
  fraction: z.number().positive().max(1),
  /** No fewer than this many respondents (or everyone when the population is smaller). */
  floor: z.number().int().nonnegative(),
  /** No more than this many respondents are required. */
  cap: z.number().int().positive().optional(),
});

const windowSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z-]*$/),
  name: text,
  start: z.iso.date(),
  end: z.iso.date(),
});

const surveyAccess = z.enum(["open", "code", "otp"]);

const surveysSchema = z.strictObject({
  /** The window (by id) in which respondents may answer; an assessment may narrow it. */
  window: z.string().regex(/^[a-z][a-z-]*$/),
  /** Survey scores stay hidden from the agency until the window closes, so no one pushes staff. */
  hideScoresUntilClosed: z.boolean(),
  /** How respondents of each tool reach the form unless the agency chooses otherwise. */
  access: z.record(toolId, surveyAccess),
  /** When the integrity checks flag a pattern for evaluators. */
  integrity: z.strictObject({
    /** More than `burstMinimum` submissions within `burstWindowMinutes` of each other is a burst. */
    burstWindowMinutes: z.number().int().positive(),
    burstMinimum: z.number().int().positive(),
    /** A day with more than this many times the median day's responses (and a burst's minimum) is busy. */
    busyDayFactor: z.number().positive(),
    /** A response giving the same answer to at least this many items is straight-lined. */
    straightLineMinimumItems: z.number().int().positive(),
    /** An indicator this many points away from the agency's previous result is flagged. */
    historyDriftPoints: z.number().positive().max(100),
  }),
});

const thresholdsSchema = z.strictObject({
  /** Indicators scoring at least this are strengths. */
  strength: z.number().min(0).max(100),
  /** Indicators scoring below this are weaknesses. */
  weakness: z.number().min(0).max(100),
  /** Indicators scoring below this need urgent action. */
  urgent: z.number().min(0).max(100),
});

const provenanceMap = z.strictObject({
  indicators: provenance,
  weights: provenance,
  scales: provenance,
  iit: provenance,
  eit: provenance,
  oit: provenance,
  levels: provenance,
  rating: provenance,
  sampleSize: provenance,
  windows: provenance,
});

export const frameworkSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z]+-[0-9]{4}$/),
    fiscalYear: z.number().int().min(2500).max(2700),
    name: text,
    provenance: provenanceMap,
    tools: z.array(toolSchema).min(1),
    indicators: z.array(indicatorSchema).min(1),
    scales: z.array(scaleSchema).min(1),
    questions: z.array(questionSchema),
    oit: z.array(subIndicatorSchema),
    levels: z.array(levelSchema).min(1),
    rating: z
      .strictObject({ passMark: z.number().min(0).max(100), bands: z.array(ratingBandSchema) })
      .optional(),
    analysis: z.strictObject({ thresholds: thresholdsSchema, targets: z.array(z.number()).min(1) }),
    sampleSize: z.array(sampleRuleSchema),
    windows: z.array(windowSchema),
    surveys: surveysSchema,
    previous: previousSchema.optional(),
  })
  .superRefine(checkCrossReferences);

export type FrameworkInput = z.input<typeof frameworkSchema>;
export type Framework = z.output<typeof frameworkSchema>;
export type Tool = Framework["tools"][number];
export type Indicator = Framework["indicators"][number];
export type Scale = Framework["scales"][number];
export type Question = Framework["questions"][number];
export type SubIndicator = Framework["oit"][number];
export type OitItem = SubIndicator["items"][number];
export type Thresholds = z.output<typeof thresholdsSchema>;
export type LocalText = z.output<typeof text>;
export type SurveyAccess = z.output<typeof surveyAccess>;
export type SurveyRules = z.output<typeof surveysSchema>;
export type PreviousList = z.output<typeof previousSchema>;
