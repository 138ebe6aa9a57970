import type { Framework, Question } from "../framework/schema.ts";

/** One respondent's answers, already checked against the framework (see parse-answers.ts). */
export interface SurveyResponse {
  tool: string;
  /** Scored item id (a question without sub-items, or a sub-item) → chosen option id. */
  answers: Record<string, string>;
}

/**
 * Answer counts. Tallies are a commutative monoid under `mergeTallies`, so they can be kept
 * incrementally, per shard, and summed; scores are computed from tallies only.
 */
export interface Tallies {
  /** Respondents per survey tool. */
  respondents: Record<string, number>;
  /** Scored item id → option id → number of respondents who chose it. */
  items: Record<string, Record<string, number>>;
}

export function emptyTallies(): Tallies {
  return { respondents: {}, items: {} };
}

/** Adds one response to the tallies in place (the hot path for incremental counting). */
export function addResponse(tallies: Tallies, response: SurveyResponse): Tallies {
  tallies.respondents[response.tool] = (tallies.respondents[response.tool] ?? 0) + 1;
  for (const [itemId, optionId] of Object.entries(response.answers)) {
    const counts = tallies.items[itemId] ?? {};
    counts[optionId] = (counts[optionId] ?? 0) + 1;
    tallies.items[itemId] = counts;
  }
  return tallies;
}

export function tallyResponses(responses: Iterable<SurveyResponse>): Tallies {
  const tallies = emptyTallies();
  for (const response of responses) addResponse(tallies, response);
  return tallies;
}

export function mergeTallies(a: Tallies, b: Tallies): Tallies {
  const out = emptyTallies();
  for (const t of [a, b]) {
    for (const [tool, n] of Object.entries(t.respondents))
      out.respondents[tool] = (out.respondents[tool] ?? 0) + n;
    for (const [itemId, counts] of Object.entries(t.items)) {
      const target = out.items[itemId] ?? {};
      for (const [optionId, n] of Object.entries(counts))
        target[optionId] = (target[optionId] ?? 0) + n;
      out.items[itemId] = target;
    }
  }
  return out;
}

/** The ids that carry answers for a question: its sub-items, or the question itself. */
export function scoredItemIds(question: Question): string[] {
  return question.subItems.length > 0 ? question.subItems.map((s) => s.id) : [question.id];
}

/** Every scored item of a framework with its question, for validation and scoring. */
export function scoredItems(
  framework: Framework,
): Map<string, { question: Question; reverse: boolean }> {
  const items = new Map<string, { question: Question; reverse: boolean }>();
  for (const question of framework.questions) {
    if (question.subItems.length === 0)
      items.set(question.id, { question, reverse: question.reverse });
    for (const sub of question.subItems)
      items.set(sub.id, { question, reverse: sub.reverse ?? question.reverse });
  }
  return items;
}
