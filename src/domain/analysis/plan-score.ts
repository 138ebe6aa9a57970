import { indicatorsOfTool, subIndicatorsOfIndicator } from "../framework/lookup.ts";
import type { Framework } from "../framework/schema.ts";
import { type OitVerdicts, oitIndicatorScores } from "../scoring/oit-scores.ts";
import { scoreFromIndicators } from "../scoring/overall.ts";

export type PlannerAction =
  | {
      kind: "publish-item";
      indicator: number;
      subIndicator: string;
      itemId: string;
      topic: string;
      title: string;
      gain: number;
    }
  | { kind: "publish-indicator"; indicator: number; from: number; to: number; gain: number }
  | { kind: "raise-indicator"; indicator: number; from: number; to: number; gain: number };

export interface TargetPlan {
  target: number;
  /** Points missing before any action (0 when already there). */
  gap: number;
  reachable: boolean;
  /** The fewest actions that close the gap, largest gain first. */
  actions: PlannerAction[];
  overallAfter: number;
  levelAfter: string;
}

export interface ScorePlan {
  overall: number;
  /** Every action worth taking against the first target, ranked by the points it adds. */
  ranked: PlannerAction[];
  plans: TargetPlan[];
}

/** Share of the overall score that one point of an indicator carries. */
export function indicatorShare(framework: Framework, indicator: number): number {
  const ind = framework.indicators.find((i) => i.number === indicator);
  const tool = framework.tools.find((t) => t.id === ind?.tool);
  if (!ind || !tool) return 0;
  const siblings = indicatorsOfTool(framework, ind.tool);
  return (tool.weight * ind.weight) / siblings.reduce((s, i) => s + i.weight, 0);
}

function candidates(
  framework: Framework,
  scores: Map<number, number>,
  verdicts: OitVerdicts | undefined,
  target: number,
): PlannerAction[] {
  const actions: PlannerAction[] = [];
  const passed = new Set(
    Object.entries(verdicts ?? {})
      .filter(([, v]) => v === "pass")
      .map(([id]) => id.toLowerCase()),
  );
  for (const ind of framework.indicators) {
    const tool = framework.tools.find((t) => t.id === ind.tool);
    const score = scores.get(ind.number) ?? 0;
    const share = indicatorShare(framework, ind.number);
    if (tool?.kind === "checklist") {
      // The checklist is fully in the agency's hands: the action is to publish what is missing.
      if (verdicts) {
        const subs = subIndicatorsOfIndicator(framework, ind.number);
        for (const sub of subs)
          for (const item of sub.items) {
            if (passed.has(item.id.toLowerCase())) continue;
            const gain = (share * 100) / subs.length / sub.items.length;
            actions.push({
              kind: "publish-item",
              indicator: ind.number,
              subIndicator: sub.id,
              itemId: item.id,
              topic: item.topic,
              title: item.title.th,
              gain,
            });
          }
      } else if (score < 100) {
        const gain = share * (100 - score);
        actions.push({
          kind: "publish-indicator",
          indicator: ind.number,
          from: score,
          to: 100,
          gain,
        });
      }
    } else if (score < target) {
      const gain = share * (target - score);
      actions.push({
        kind: "raise-indicator",
        indicator: ind.number,
        from: score,
        to: target,
        gain,
      });
    }
  }
  return actions.sort((a, b) => b.gain - a.gain || a.indicator - b.indicator);
}

function apply(framework: Framework, scores: Map<number, number>, actions: PlannerAction[]) {
  const next = new Map(scores);
  for (const a of actions) {
    const current = next.get(a.indicator) ?? 0;
    const raised =
      a.kind === "publish-item" ? current + a.gain / indicatorShare(framework, a.indicator) : a.to;
    // Clamped only against floating-point drift: item gains add up to exactly 100.
    next.set(a.indicator, Math.min(100, raised));
  }
  return scoreFromIndicators(framework, next);
}

/**
 * Gains are additive and independent, so taking the largest first gives the fewest actions
 * that reach each target.
 */
export function planScore(
  framework: Framework,
  scores: Map<number, number>,
  verdicts: OitVerdicts | undefined,
  targets: number[] = framework.analysis.targets,
): ScorePlan {
  // With item verdicts, the checklist indicators are what the verdicts give.
  if (verdicts) {
    scores = new Map(scores);
    for (const [n, v] of oitIndicatorScores(framework, verdicts)) scores.set(n, v);
  }
  const current = scoreFromIndicators(framework, scores);
  const plans = targets.map((target): TargetPlan => {
    const gap = Math.max(0, target - current.overall);
    const chosen: PlannerAction[] = [];
    let gained = 0;
    for (const action of candidates(framework, scores, verdicts, target)) {
      if (gained >= gap - 1e-9) break;
      chosen.push(action);
      gained += action.gain;
    }
    const after = apply(framework, scores, chosen);
    return {
      target,
      gap,
      reachable: after.overall >= target - 1e-9,
      actions: chosen,
      overallAfter: after.overall,
      levelAfter: after.level,
    };
  });
  return {
    overall: current.overall,
    ranked: candidates(framework, scores, verdicts, targets[0] ?? 100),
    plans,
  };
}
