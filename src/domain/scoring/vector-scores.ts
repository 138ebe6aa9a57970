import type { Framework } from "../framework/schema.ts";
import type { TallyLayout } from "../survey/tally-layout.ts";
import { pointTable } from "./survey-scores.ts";
import { scoredItemIds, scoredItems } from "./tallies.ts";

/**
 * The survey scoring rules compiled for one tool's tally layout, so a national rescore reads each
 * stored count vector directly instead of building tallies object by object. It gives exactly
 * what `surveyIndicatorScores` gives for the same counts (a property test holds them equal).
 */
export interface VectorPlan {
  /** Per layout position: the index of its item, and the points its option is worth. */
  item: Int32Array;
  points: Float64Array;
  /** Per item (in layout order): the index of its question. */
  question: Int32Array;
  /** Per question (in the framework's order): its indicator. */
  indicator: number[];
  items: number;
}

export function vectorPlan(framework: Framework, layout: TallyLayout): VectorPlan {
  const scales = new Map(framework.scales.map((s) => [s.id, s]));
  const scored = scoredItems(framework);
  const questionOfItem = new Map<string, number>();
  const indicator: number[] = [];
  for (const q of framework.questions) {
    if (!layout.itemIds.includes(scoredItemIds(q)[0] ?? "")) continue;
    for (const id of scoredItemIds(q)) questionOfItem.set(id, indicator.length);
    indicator.push(q.indicator);
  }
  const itemIndex = new Map<string, number>();
  const question: number[] = [];
  const item = new Int32Array(layout.itemIds.length);
  const points = new Float64Array(layout.itemIds.length);
  layout.itemIds.forEach((id, pos) => {
    let index = itemIndex.get(id);
    if (index === undefined) {
      index = itemIndex.size;
      itemIndex.set(id, index);
      question.push(questionOfItem.get(id) ?? -1);
    }
    item[pos] = index;
    const entry = scored.get(id);
    const scale = entry && scales.get(entry.question.scale);
    points[pos] = scale
      ? (pointTable(scale, entry.reverse).get(layout.optionIds[pos] ?? "") ?? 0)
      : 0;
  });
  return { item, points, question: Int32Array.from(question), indicator, items: itemIndex.size };
}

/**
 * Adds the indicator scores of one tool's count vector to `into`: an item scores its points
 * over its answers, a question the mean of its answered items, an indicator the mean of its
 * answered questions — summed in the same order as the tally-based scoring.
 */
export function addVectorScores(
  plan: VectorPlan,
  counts: ArrayLike<number>,
  into: Map<number, number>,
): void {
  const total = new Float64Array(plan.items);
  const answered = new Float64Array(plan.items);
  for (let pos = 0; pos < plan.item.length; pos++) {
    const n = counts[pos] ?? 0;
    if (n <= 0) continue;
    const i = plan.item[pos] ?? 0;
    total[i] = (total[i] ?? 0) + (plan.points[pos] ?? 0) * n;
    answered[i] = (answered[i] ?? 0) + n;
  }
  const questionSum = new Float64Array(plan.indicator.length);
  const questionItems = new Float64Array(plan.indicator.length);
  for (let i = 0; i < plan.items; i++) {
    const q = plan.question[i] ?? -1;
    if (q < 0 || (answered[i] ?? 0) === 0) continue;
    questionSum[q] = (questionSum[q] ?? 0) + (total[i] ?? 0) / (answered[i] ?? 1);
    questionItems[q] = (questionItems[q] ?? 0) + 1;
  }
  const byIndicator = new Map<number, { sum: number; n: number }>();
  plan.indicator.forEach((indicator, q) => {
    if ((questionItems[q] ?? 0) === 0) return;
    const entry = byIndicator.get(indicator) ?? { sum: 0, n: 0 };
    entry.sum += (questionSum[q] ?? 0) / (questionItems[q] ?? 1);
    entry.n += 1;
    byIndicator.set(indicator, entry);
  });
  for (const [indicator, { sum, n }] of byIndicator) into.set(indicator, sum / n);
}
