import type { Framework } from "../framework/schema.ts";

export type Verdict = "pass" | "fail";

/** OIT item id (as in the framework) → the evaluators' verdict. */
export type OitVerdicts = Record<string, Verdict>;

export interface SubIndicatorScore {
  id: string;
  indicator: number;
  passed: number;
  items: number;
  /** Share of its items that pass, 0–100. */
  score: number;
  failedItems: string[];
}

/** Each item passes (100) or fails (0); an item without a verdict has not been shown: it fails. */
export function subIndicatorScores(
  framework: Framework,
  verdicts: OitVerdicts,
): SubIndicatorScore[] {
  const byLowerId = new Map(Object.entries(verdicts).map(([id, v]) => [id.toLowerCase(), v]));
  return framework.oit.map((sub) => {
    const failedItems = sub.items
      .filter((item) => byLowerId.get(item.id.toLowerCase()) !== "pass")
      .map((item) => item.id);
    const passed = sub.items.length - failedItems.length;
    return {
      id: sub.id,
      indicator: sub.indicator,
      passed,
      items: sub.items.length,
      score: (100 * passed) / sub.items.length,
      failedItems,
    };
  });
}

/** Checklist indicator scores: the mean of their sub-indicators' shares. */
export function oitIndicatorScores(
  framework: Framework,
  verdicts: OitVerdicts,
): Map<number, number> {
  const byIndicator = new Map<number, number[]>();
  for (const sub of subIndicatorScores(framework, verdicts))
    byIndicator.set(sub.indicator, [...(byIndicator.get(sub.indicator) ?? []), sub.score]);
  const scores = new Map<number, number>();
  for (const [indicator, values] of byIndicator)
    scores.set(indicator, values.reduce((s, v) => s + v, 0) / values.length);
  return scores;
}
