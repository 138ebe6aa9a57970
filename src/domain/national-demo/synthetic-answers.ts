import type { Framework } from "../framework/schema.ts";
import { pointTable } from "../scoring/survey-scores.ts";
import { surveyGroups } from "../survey/survey-form.ts";
import { logistic, logit, normal, type Random } from "./seeded-random.ts";

/** How far one respondent's view of an indicator strays from the agency's mean, in logits. */
export const RESPONDENT_SPREAD = 0.5;

/**
 * One respondent's answers to a tool, where `quality` (0–1 per indicator) is the expected score
 * of the agency on that indicator: each item's rank on its scale is a binomial draw around the
 * respondent's own view, so an indicator's mean score over many respondents approaches it.
 */
export function syntheticAnswers(
  framework: Framework,
  tool: string,
  quality: ReadonlyMap<number, number>,
  random: Random,
): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const group of surveyGroups(framework, tool)) {
    // People differ: each respondent sees the agency a little better or worse than its mean.
    const view = logistic(
      logit(clamp(quality.get(group.indicator) ?? 0.5)) + RESPONDENT_SPREAD * normal(random),
    );
    for (const { question, scale, itemIds } of group.questions) {
      const byRank = rankedOptions(scale, question.reverse);
      for (const itemId of itemIds) {
        let rank = 0;
        for (let trial = 1; trial < byRank.length; trial++) if (random() < view) rank++;
        const option = byRank[rank];
        if (option) answers[itemId] = option;
      }
    }
  }
  return answers;
}

/** Every item answered with the scale's same position: the pattern evaluators are shown. */
export function straightLinedAnswers(framework: Framework, tool: string): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const group of surveyGroups(framework, tool))
    for (const { scale, itemIds } of group.questions)
      for (const itemId of itemIds) {
        const last = scale.options.at(-1);
        if (last) answers[itemId] = last.id;
      }
  return answers;
}

const ranked = new WeakMap<object, Map<boolean, string[]>>();

/** The scale's option ids from fewest to most points, counting reverse items mirrored. */
function rankedOptions(scale: Framework["scales"][number], reverse: boolean): string[] {
  const byDirection = ranked.get(scale) ?? new Map<boolean, string[]>();
  ranked.set(scale, byDirection);
  const cached = byDirection.get(reverse);
  if (cached) return cached;
  const points = pointTable(scale, reverse);
  const ids = [...points.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  byDirection.set(reverse, ids);
  return ids;
}

export const clamp = (p: number): number => Math.min(0.995, Math.max(0.005, p));
