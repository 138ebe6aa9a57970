import type { PlannerAction } from "../../../shared/analysis.ts";

// The what-if of the score planner: gains are additive (plan-score.ts), so the browser sums them.

/** A level band of a framework: the lowest rounded overall that earns it. */
export interface LevelBand {
  id: string;
  min: number;
}

/** Half-up rounding on the decimal representation, as the server rounds (ADR 0004). */
export function roundHalfUp(value: number, decimals = 2): number {
  const sign = value < 0 ? -1 : 1;
  const shifted = Number(`${Math.abs(value)}e${decimals}`);
  return sign * Number(`${Math.round(shifted)}e-${decimals}`);
}

/** The level of an overall score, read off the score rounded to two decimals like the server. */
export function levelFor(levels: readonly LevelBand[], overall: number): string | null {
  const shown = roundHalfUp(overall, 2);
  const ordered = [...levels].sort((a, b) => b.min - a.min);
  return (ordered.find((l) => shown >= l.min) ?? ordered.at(-1))?.id ?? null;
}

/** A stable key for an action, so ticks survive a refetch of the same analysis. */
export function actionKey(action: PlannerAction): string {
  const item = action.kind === "publish-item" ? action.itemId : "";
  return `${action.kind}:${action.indicator}:${item}`;
}

/** The overall after the chosen actions, never above 100. */
export function projectOverall(start: number, chosen: readonly PlannerAction[]): number {
  return Math.min(
    100,
    chosen.reduce((sum, action) => sum + action.gain, start),
  );
}
