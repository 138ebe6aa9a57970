import type { Framework } from "../framework/schema.ts";
import { surveyGroups } from "./survey-form.ts";

/**
 * A complete set of answers for one tool, each option chosen by `pick` (given the number of
 * options): for tests, demos and load generators.
 */
export function sampleAnswers(
  framework: Framework,
  tool: string,
  pick: (options: number) => number = () => 0,
): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const group of surveyGroups(framework, tool))
    for (const { scale, itemIds } of group.questions)
      for (const itemId of itemIds) {
        const option = scale.options[pick(scale.options.length)] ?? scale.options[0];
        if (option) answers[itemId] = option.id;
      }
  return answers;
}
