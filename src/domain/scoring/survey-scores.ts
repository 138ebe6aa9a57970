import type { Framework, Question, Scale } from "../framework/schema.ts";
import { scoredItemIds, scoredItems, type Tallies } from "./tallies.ts";

export interface QuestionScore {
  id: string;
  indicator: number;
  /** Mean of its sub-items' scores; undefined when nobody answered it. */
  score: number | undefined;
  items: { id: string; score: number | undefined; answered: number }[];
}

/** Points per option id, mirrored for reverse items (the mirrored option's points). */
export function pointTable(scale: Scale, reverse: boolean): Map<string, number> {
  const n = scale.options.length;
  return new Map(
    scale.options.map((o, i) => [o.id, (reverse ? scale.options[n - 1 - i] : o)?.points ?? 0]),
  );
}

function mean(values: number[]): number | undefined {
  return values.length === 0 ? undefined : values.reduce((s, v) => s + v, 0) / values.length;
}

function itemScore(counts: Record<string, number> | undefined, points: Map<string, number>) {
  let total = 0;
  let answered = 0;
  // Sum in the scale's option order so the result does not depend on the order of arrival.
  for (const [optionId, p] of points) {
    const n = counts?.[optionId] ?? 0;
    if (n <= 0) continue;
    total += p * n;
    answered += n;
  }
  return { score: answered === 0 ? undefined : total / answered, answered };
}

export function questionScores(framework: Framework, tallies: Tallies): QuestionScore[] {
  const scales = new Map(framework.scales.map((s) => [s.id, s]));
  const items = scoredItems(framework);
  return framework.questions.map((question: Question) => {
    const scale = scales.get(question.scale);
    const perItem = scoredItemIds(question).map((id) => {
      const reverse = items.get(id)?.reverse ?? question.reverse;
      const points = scale ? pointTable(scale, reverse) : new Map<string, number>();
      return { id, ...itemScore(tallies.items[id], points) };
    });
    const score = mean(perItem.flatMap((i) => (i.score === undefined ? [] : [i.score])));
    return { id: question.id, indicator: question.indicator, score, items: perItem };
  });
}

/** Survey indicator scores: the mean of their answered questions (indicator number → score). */
export function surveyIndicatorScores(framework: Framework, tallies: Tallies): Map<number, number> {
  const byIndicator = new Map<number, number[]>();
  for (const q of questionScores(framework, tallies)) {
    if (q.score === undefined) continue;
    byIndicator.set(q.indicator, [...(byIndicator.get(q.indicator) ?? []), q.score]);
  }
  const scores = new Map<number, number>();
  for (const [indicator, values] of byIndicator) scores.set(indicator, mean(values) ?? 0);
  return scores;
}
