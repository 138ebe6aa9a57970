import type { Framework, Indicator, OitItem, Question, SubIndicator } from "./schema.ts";

/** Indicators measured by one tool, in framework order. */
export function indicatorsOfTool(framework: Framework, toolId: string): Indicator[] {
  return framework.indicators.filter((indicator) => indicator.tool === toolId);
}

/** Survey questions of one indicator, in framework order. */
export function questionsOfIndicator(framework: Framework, indicator: number): Question[] {
  return framework.questions.filter((question) => question.indicator === indicator);
}

/** OIT sub-indicators of one checklist indicator, in framework order. */
export function subIndicatorsOfIndicator(framework: Framework, indicator: number): SubIndicator[] {
  return framework.oit.filter((sub) => sub.indicator === indicator);
}

/** Every OIT item of the framework, in list order. */
export function oitItems(framework: Framework): OitItem[] {
  return framework.oit.flatMap((sub) => sub.items);
}

/** An OIT item by id; `o29` and `O29` are the same item. */
export function findOitItem(framework: Framework, id: string): OitItem | undefined {
  const key = id.trim().toLowerCase();
  return oitItems(framework).find((item) => item.id.toLowerCase() === key);
}
