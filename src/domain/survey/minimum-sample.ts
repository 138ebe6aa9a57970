import type { Framework } from "../framework/schema.ts";

/**
 * The minimum number of respondents the framework's rule asks of a population: the rule's
 * share, no fewer than its floor (everyone when the population is smaller), no more than its cap.
 * Undefined when the tool has no rule or the population is not known yet.
 */
export function minimumSample(
  framework: Framework,
  tool: string,
  population: number | null | undefined,
): number | undefined {
  const rule = framework.sampleSize.find((r) => r.tool === tool);
  if (!rule || population === null || population === undefined) return undefined;
  const share = Math.ceil(population * rule.fraction);
  const floored = Math.min(population, Math.max(share, rule.floor));
  return rule.cap === undefined ? floored : Math.min(floored, rule.cap);
}
