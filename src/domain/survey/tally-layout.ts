import type { Framework } from "../framework/schema.ts";
import type { Tallies } from "../scoring/tallies.ts";
import { surveyGroups } from "./survey-form.ts";

/**
 * The order in which a tool's answer counts are kept: every scored item of the framework, each
 * with every option of its scale. Stored tallies are one vector in this order per assessment and
 * tool, so adding a batch of responses touches one row per survey, not one per answer.
 */
export interface TallyLayout {
  itemIds: string[];
  optionIds: string[];
}

export function tallyLayout(framework: Framework, tool: string): TallyLayout {
  const itemIds: string[] = [];
  const optionIds: string[] = [];
  for (const group of surveyGroups(framework, tool))
    for (const { scale, itemIds: items } of group.questions)
      for (const itemId of items)
        for (const option of scale.options) {
          itemIds.push(itemId);
          optionIds.push(option.id);
        }
  return { itemIds, optionIds };
}

const positions = new WeakMap<TallyLayout, Map<string, number>>();

/** One response as a count vector of the layout (1 where the answer was chosen). */
export function countVector(layout: TallyLayout, answers: Record<string, string>): number[] {
  let index = positions.get(layout);
  if (!index) {
    index = new Map(layout.itemIds.map((item, i) => [`${item}\u0000${layout.optionIds[i]}`, i]));
    positions.set(layout, index);
  }
  const counts = new Array<number>(layout.itemIds.length).fill(0);
  for (const [item, option] of Object.entries(answers)) {
    const at = index.get(`${item}\u0000${option}`);
    if (at === undefined) throw new Error(`answer ${item}=${option} is not in the tally layout`);
    counts[at] = (counts[at] ?? 0) + 1;
  }
  return counts;
}

/** Adds a count vector into the scoring's tallies (respondents per tool, counts per item). */
export function addVector(
  tallies: Tallies,
  layout: TallyLayout,
  tool: string,
  respondents: number,
  counts: readonly number[],
): Tallies {
  tallies.respondents[tool] = (tallies.respondents[tool] ?? 0) + respondents;
  counts.forEach((n, i) => {
    const item = layout.itemIds[i];
    const option = layout.optionIds[i];
    if (n === 0 || item === undefined || option === undefined) return;
    const perItem = tallies.items[item] ?? {};
    perItem[option] = (perItem[option] ?? 0) + n;
    tallies.items[item] = perItem;
  });
  return tallies;
}
