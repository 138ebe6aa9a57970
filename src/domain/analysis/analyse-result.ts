import { questionsOfIndicator } from "../framework/lookup.ts";
import type { Framework, Thresholds } from "../framework/schema.ts";
import { type OitVerdicts, subIndicatorScores } from "../scoring/oit-scores.ts";
import { type ScoreResult, scoreFromIndicators } from "../scoring/overall.ts";
import { planScore, type ScorePlan } from "./plan-score.ts";

export type Category = "strength" | "middle" | "weakness";

export interface IndicatorAnalysis {
  number: number;
  tool: string;
  name: string;
  score: number;
  category: Category;
  urgent: boolean;
  /** Change from the most recent earlier year that has this indicator. */
  change: { fromYear: number; delta: number } | undefined;
  /** Questions of this indicator scoring below the weakness threshold, lowest first. */
  weakQuestions: { id: string; score: number }[];
  /** OIT items of this indicator that did not pass. */
  failedItems: string[];
}

export interface EarlierYear {
  fiscalYear: number;
  overall?: number | undefined;
  level?: string | undefined;
  /** Indicator number → score. */
  indicators?: Map<number, number> | undefined;
}

export interface AnalysisInput {
  framework: Framework;
  fiscalYear: number;
  indicators: Map<number, number>;
  questions?: Map<string, number> | undefined;
  verdicts?: OitVerdicts | undefined;
  history?: EarlierYear[] | undefined;
  /** Per-document overrides of the framework's thresholds. */
  thresholds?: Partial<Thresholds> | undefined;
}

export interface Analysis {
  result: ScoreResult;
  thresholds: Thresholds;
  indicators: IndicatorAnalysis[];
  strengths: IndicatorAnalysis[];
  middle: IndicatorAnalysis[];
  weaknesses: IndicatorAnalysis[];
  urgent: IndicatorAnalysis[];
  gaps: { target: number; gap: number }[];
  /** Overall scores over the years, oldest first, this year last. */
  trend: { fiscalYear: number; overall: number }[];
  overallChange: { fromYear: number; delta: number } | undefined;
  plan: ScorePlan;
}

export function analyseResult(input: AnalysisInput): Analysis {
  const { framework } = input;
  const overrides = Object.entries(input.thresholds ?? {}).filter(([, v]) => v !== undefined);
  const thresholds: Thresholds = {
    ...framework.analysis.thresholds,
    ...Object.fromEntries(overrides),
  };
  const result = scoreFromIndicators(framework, input.indicators);
  const earlier = [...(input.history ?? [])]
    .filter((h) => h.fiscalYear < input.fiscalYear)
    .sort((a, b) => b.fiscalYear - a.fiscalYear);
  const failedBySub = input.verdicts ? subIndicatorScores(framework, input.verdicts) : [];

  const indicators = result.indicators.map((ind): IndicatorAnalysis => {
    const def = framework.indicators.find((i) => i.number === ind.number);
    const prior = earlier.find((h) => h.indicators?.has(ind.number));
    const priorScore = prior?.indicators?.get(ind.number);
    const category: Category =
      ind.score >= thresholds.strength
        ? "strength"
        : ind.score < thresholds.weakness
          ? "weakness"
          : "middle";
    const weakQuestions = questionsOfIndicator(framework, ind.number)
      .flatMap((q) => {
        const score = input.questions?.get(q.id);
        return score !== undefined && score < thresholds.weakness ? [{ id: q.id, score }] : [];
      })
      .sort((a, b) => a.score - b.score);
    return {
      number: ind.number,
      tool: ind.tool,
      name: def?.name.th ?? "",
      score: ind.score,
      category,
      urgent: ind.score < thresholds.urgent,
      change:
        prior && priorScore !== undefined
          ? { fromYear: prior.fiscalYear, delta: ind.score - priorScore }
          : undefined,
      weakQuestions,
      failedItems: failedBySub
        .filter((s) => s.indicator === ind.number)
        .flatMap((s) => s.failedItems),
    };
  });

  const byScoreDesc = (a: IndicatorAnalysis, b: IndicatorAnalysis) =>
    b.score - a.score || a.number - b.number;
  const byScoreAsc = (a: IndicatorAnalysis, b: IndicatorAnalysis) =>
    a.score - b.score || a.number - b.number;
  const priorOverall = earlier.find((h) => h.overall !== undefined);
  const trend = [...earlier]
    .reverse()
    .flatMap((h) =>
      h.overall === undefined ? [] : [{ fiscalYear: h.fiscalYear, overall: h.overall }],
    );
  trend.push({ fiscalYear: input.fiscalYear, overall: result.overall });

  return {
    result,
    thresholds,
    indicators,
    strengths: indicators.filter((i) => i.category === "strength").sort(byScoreDesc),
    middle: indicators.filter((i) => i.category === "middle").sort(byScoreAsc),
    weaknesses: indicators.filter((i) => i.category === "weakness").sort(byScoreAsc),
    urgent: indicators.filter((i) => i.urgent).sort(byScoreAsc),
    gaps: framework.analysis.targets.map((target) => ({
      target,
      gap: Math.max(0, target - result.overall),
    })),
    trend,
    overallChange:
      priorOverall?.overall !== undefined
        ? { fromYear: priorOverall.fiscalYear, delta: result.overall - priorOverall.overall }
        : undefined,
    plan: planScore(framework, input.indicators, input.verdicts),
  };
}
