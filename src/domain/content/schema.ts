import { z } from "zod";
import { addIssue, repeatedIndexes } from "../validation.ts";

// Schemas for the Thai content files under content/th: texts are data, checked once at load.

/** Placeholders a rationale paragraph may use; each always has a value. */
export const RATIONALE_PLACEHOLDERS = [
  "agency",
  "fiscalYear",
  "assessedYear",
  "passMark",
  "share",
] as const;

/** Placeholders whose value may be unknown for a year; sentences using them are droppable. */
export const FIGURE_PLACEHOLDERS = ["agencies", "nationalMean"] as const;

const TARGET_PLACEHOLDERS = ["passMark", "share"] as const;

/** A Buddhist-era year written in ASCII or Thai digits, e.g. 2566 or ๒๕๖๖. */
export const YEAR_IN_TEXT = /(?<![0-9๐-๙])(?:25|๒๕)[0-9๐-๙]{2}(?![0-9๐-๙])/u;

const PLACEHOLDER = /\{([^{}]*)\}/g;
const PLACEHOLDER_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

type Ctx = z.core.$RefinementCtx<unknown>;

/** A custom issue in both languages (English first, as the content rules were written). */
function addProblem(ctx: Ctx, en: string, th: string, path: (string | number)[] = []): void {
  addIssue(ctx, path, en, th);
}

function checkCommonText(s: string, ctx: Ctx): void {
  if (s.trim() !== s) addProblem(ctx, "has leading or trailing spaces", "มีช่องว่างที่ต้นหรือท้ายข้อความ");
  if (/\s{2,}/u.test(s)) addProblem(ctx, "has repeated spaces", "มีช่องว่างซ้อนกัน");
  // Years vary by document; they come from data, never from content text.
  if (YEAR_IN_TEXT.test(s))
    addProblem(
      ctx,
      "contains a year; years must come from data, not from content text",
      "มีปี พ.ศ. อยู่ในข้อความ ปีต้องมาจากข้อมูล ไม่ใช่เขียนไว้ในเนื้อหา",
    );
}

/** Plain Thai text: no placeholders, no years. */
const prose = z
  .string()
  .min(1)
  .superRefine((s, ctx) => {
    checkCommonText(s, ctx);
    if (/[{}]/u.test(s))
      addProblem(
        ctx,
        "contains a brace; this text takes no placeholders",
        "มีเครื่องหมายวงเล็บปีกกา ข้อความนี้ใช้ตัวแทนค่าไม่ได้",
      );
  });

/** A template whose `{name}` placeholders come from `allowed`; `needsOneOf` makes one mandatory. */
function template(
  allowed: readonly string[],
  options: { needsAll?: readonly string[]; needsOneOf?: readonly string[] } = {},
) {
  return z
    .string()
    .min(1)
    .superRefine((s, ctx) => {
      checkCommonText(s, ctx);
      const names = [...s.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "");
      for (const name of names) {
        if (!PLACEHOLDER_NAME.test(name) || !allowed.includes(name))
          addProblem(
            ctx,
            `unknown placeholder {${name}}; allowed: ${allowed.map((a) => `{${a}}`).join(", ")}`,
            `ตัวแทนค่า {${name}} ใช้ไม่ได้ ใช้ได้เฉพาะ ${allowed.map((a) => `{${a}}`).join(", ")}`,
          );
      }
      if (/[{}]/u.test(s.replace(PLACEHOLDER, "")))
        addProblem(ctx, "has an unbalanced brace", "มีวงเล็บปีกกาที่ไม่ครบคู่");
      for (const name of options.needsAll ?? []) {
        if (!names.includes(name)) addProblem(ctx, `must use {${name}}`, `ต้องมีตัวแทนค่า {${name}}`);
      }
      const oneOf = options.needsOneOf ?? [];
      if (oneOf.length > 0 && !oneOf.some((name) => names.includes(name))) {
        const list = oneOf.map((n) => `{${n}}`).join(", ");
        addProblem(ctx, `must use at least one of ${list}`, `ต้องมีตัวแทนค่าอย่างน้อยหนึ่งตัวจาก ${list}`);
      }
    });
}

const indicatorNumber = z.number().int().positive();
const kebab = z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
const buddhistYear = z.number().int().min(2500).max(2700);

export const indicatorTextSchema = z.strictObject({
  number: indicatorNumber,
  /** What the indicator assesses and from whose perception or evidence. */
  purpose: prose,
  /** What the indicator asks of the agency. */
  expects: prose,
});

export const indicatorsFileSchema = z
  .strictObject({ indicators: z.array(indicatorTextSchema).min(1) })
  .superRefine((f, ctx) => {
    for (const i of repeatedIndexes(f.indicators.map((x) => x.number)))
      addProblem(ctx, "duplicate indicator number", "หมายเลขตัวชี้วัดซ้ำ", ["indicators", i, "number"]);
  });

const proseList = z
  .array(prose)
  .min(1)
  .superRefine((list, ctx) => {
    for (const i of repeatedIndexes(list)) addProblem(ctx, "duplicate text", "ข้อความซ้ำ", [i]);
  });

export const indicatorRecommendationsFileSchema = z.strictObject({
  /** Keyed by indicator number written as a string, e.g. "7". */
  indicators: z.record(z.string().regex(/^[1-9][0-9]*$/), proseList),
});

export const suggestedMeasureSchema = z.strictObject({
  id: kebab,
  indicators: z
    .array(indicatorNumber)
    .min(1)
    .superRefine((list, ctx) => {
      for (const i of repeatedIndexes(list))
        addProblem(ctx, "indicator listed twice", "ระบุตัวชี้วัดซ้ำ", [i]);
    }),
  title: prose,
  steps: proseList,
  responsible: proseList,
  monitoring: prose,
});

export const suggestedMeasuresFileSchema = z
  .strictObject({ measures: z.array(suggestedMeasureSchema).min(1) })
  .superRefine((f, ctx) => {
    for (const i of repeatedIndexes(f.measures.map((m) => m.id)))
      addProblem(ctx, "duplicate measure id", "รหัสมาตรการซ้ำ", ["measures", i, "id"]);
  });

export const yearFactsSchema = z.strictObject({
  /** Agencies assessed nationally; null when no source gives it. */
  agencies: z.number().int().positive().nullable(),
  respondents: z.number().int().positive().nullable(),
  nationalMean: z.number().min(0).max(100).nullable(),
  provenance: z.enum(["confirmed", "inferred", "uncertain"]),
});

export const nationalContextFileSchema = z
  .strictObject({
    masterPlan: z.strictObject({
      name: prose,
      subPlan: prose,
      /** Buddhist-era years the plan covers; kept as numbers so text never hard-codes them. */
      period: z.strictObject({ from: buddhistYear, to: buddhistYear }),
      target: z.strictObject({
        passMark: z.number().min(0).max(100),
        shareOfAgencies: z.number().min(0).max(100),
        text: template(TARGET_PLACEHOLDERS, { needsAll: TARGET_PLACEHOLDERS }),
      }),
    }),
    years: z.record(z.string().regex(/^25[0-9]{2}$/), yearFactsSchema),
    rationale: z.array(template(RATIONALE_PLACEHOLDERS)).min(1),
    rationaleWithFigures: z.array(
      template([...RATIONALE_PLACEHOLDERS, ...FIGURE_PLACEHOLDERS], {
        needsOneOf: FIGURE_PLACEHOLDERS,
      }),
    ),
  })
  .superRefine((f, ctx) => {
    if (f.masterPlan.period.to < f.masterPlan.period.from)
      addProblem(ctx, "period ends before it starts", "ปีสิ้นสุดมาก่อนปีเริ่มต้น", [
        "masterPlan",
        "period",
        "to",
      ]);
  });

export const oitTopicRecommendationSchema = z.strictObject({ recommendation: prose });

export const oitRecommendationsFileSchema = z.strictObject({
  /** Keyed by the OIT item's stable topic (see the framework's `topic`). */
  topics: z.record(kebab, oitTopicRecommendationSchema),
});

/** Everything the loader returns; cross-file references are checked here. */
export const contentSchema = z
  .strictObject({
    indicators: indicatorsFileSchema.shape.indicators,
    recommendations: indicatorRecommendationsFileSchema.shape.indicators,
    measures: suggestedMeasuresFileSchema.shape.measures,
    national: nationalContextFileSchema,
    oitTopics: oitRecommendationsFileSchema.shape.topics,
  })
  .superRefine((c, ctx) => {
    const known = new Set(c.indicators.map((x) => x.number));
    for (const key of Object.keys(c.recommendations)) {
      if (!known.has(Number(key)))
        addProblem(
          ctx,
          `recommendations for indicator ${key}, which has no text`,
          `มีข้อเสนอแนะของตัวชี้วัดที่ ${key} แต่ไม่มีคำอธิบายตัวชี้วัดนี้`,
          ["recommendations", key],
        );
    }
    for (const n of known) {
      if (!c.recommendations[String(n)])
        addProblem(ctx, `indicator ${n} has no recommendations`, `ตัวชี้วัดที่ ${n} ยังไม่มีข้อเสนอแนะ`, [
          "recommendations",
        ]);
    }
    c.measures.forEach((m, i) => {
      m.indicators.forEach((n, j) => {
        if (!known.has(n))
          addProblem(ctx, `unknown indicator ${n}`, `ไม่มีตัวชี้วัดที่ ${n}`, [
            "measures",
            i,
            "indicators",
            j,
          ]);
      });
    });
  });

export type IndicatorText = z.infer<typeof indicatorTextSchema>;
export type IndicatorsFile = z.infer<typeof indicatorsFileSchema>;
export type IndicatorRecommendationsFile = z.infer<typeof indicatorRecommendationsFileSchema>;
export type IndicatorRecommendations = IndicatorRecommendationsFile["indicators"];
export type SuggestedMeasure = z.infer<typeof suggestedMeasureSchema>;
export type SuggestedMeasuresFile = z.infer<typeof suggestedMeasuresFileSchema>;
export type YearFacts = z.infer<typeof yearFactsSchema>;
export type NationalContext = z.infer<typeof nationalContextFileSchema>;
export type MasterPlan = NationalContext["masterPlan"];
export type OitTopicRecommendation = z.infer<typeof oitTopicRecommendationSchema>;
export type OitRecommendationsFile = z.infer<typeof oitRecommendationsFileSchema>;
export type Content = z.infer<typeof contentSchema>;
