import { indicatorsOfTool } from "../framework/lookup.ts";
import type { Framework } from "../framework/schema.ts";
import { logistic, logit } from "./seeded-random.ts";
import { clamp, RESPONDENT_SPREAD } from "./synthetic-answers.ts";

// Five-point Gauss–Hermite rule for a standard normal: E[f(Z)] ≈ Σ w·f(x).
const NODES = [0, 1.355626, -1.355626, 2.85697, -2.85697];
const WEIGHTS = [0.533333, 0.222076, 0.222076, 0.011257, 0.011257];

/** The mean score (0–1) an indicator of expected quality `q` gets from many synthetic answers. */
function expectedScore(survey: boolean, q: number): number {
  if (!survey) return q;
  const x = logit(clamp(q));
  return NODES.reduce((s, z, i) => s + (WEIGHTS[i] ?? 0) * logistic(x + RESPONDENT_SPREAD * z), 0);
}

/** The total (0–1) an agency of these expected indicator qualities comes near. */
export function expectedOverall(
  framework: Framework,
  quality: ReadonlyMap<number, number>,
): number {
  return framework.tools.reduce((total, tool) => {
    const members = indicatorsOfTool(framework, tool.id);
    const weights = members.reduce((s, i) => s + i.weight, 0);
    const score = members.reduce(
      (s, i) => s + i.weight * expectedScore(tool.kind === "survey", quality.get(i.number) ?? 0),
      0,
    );
    return total + tool.weight * (weights > 0 ? score / weights : 0);
  }, 0);
}

/**
 * The common level (in logits) that, added to every agency's own logits, brings the mean
 * expected total to `target` (0–1); bisection, since the mean rises with the level.
 */
export function calibrateLevel(
  framework: Framework,
  logits: readonly ReadonlyMap<number, number>[],
  target: number,
): number {
  const meanAt = (level: number) =>
    logits.reduce(
      (s, own) =>
        s + expectedOverall(framework, new Map([...own].map(([n, x]) => [n, logistic(level + x)]))),
      0,
    ) / Math.max(1, logits.length);
  let low = -12;
  let high = 12;
  for (let step = 0; step < 40; step++) {
    const mid = (low + high) / 2;
    if (meanAt(mid) < target) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
