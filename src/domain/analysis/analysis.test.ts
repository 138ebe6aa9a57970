import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildFramework } from "../test-factories.ts";
import { analyseResult } from "./analyse-result.ts";
import { indicatorShare, planScore } from "./plan-score.ts";

const framework = buildFramework();
const scores = (values: number[]) => new Map(values.map((v, i) => [i + 1, v]));

describe("analyseResult", () => {
  it("sorts indicators into strengths, middle and weaknesses by the document's thresholds", () => {
    const a = analyseResult({
      framework,
      fiscalYear: 2566,
      indicators: scores([93.7, 84.8, 69.5, 74.8, 71.6]),
      thresholds: { strength: 80, weakness: 70 },
      history: [{ fiscalYear: 2565, overall: 70, indicators: scores([90, 90, 90, 90, 90]) }],
    });
    expect(a.strengths.map((i) => i.number)).toEqual([1, 2]);
    expect(a.weaknesses.map((i) => i.number)).toEqual([3]);
    expect(a.middle.map((i) => i.number)).toEqual([5, 4]);
    expect(a.urgent.map((i) => i.number)).toEqual([3]);
    expect(a.indicators[0]?.change?.delta).toBeCloseTo(3.7, 9);
    expect(a.overallChange?.fromYear).toBe(2565);
    expect(a.gaps.map((g) => g.target)).toEqual([85, 95]);
    expect(a.gaps[0]?.gap).toBeCloseTo(85 - a.result.overall, 9);
  });

  it("lists failed OIT items and weak questions under their indicator", () => {
    const a = analyseResult({
      framework,
      fiscalYear: 2566,
      indicators: scores([60, 90, 90, 50, 100]),
      questions: new Map([
        ["i1", 40],
        ["i2", 90],
        ["i3", 30],
      ]),
      verdicts: { o1: "pass", o9: "pass", o10: "pass", o11: "pass", o12: "pass" },
    });
    expect(a.indicators[0]?.weakQuestions).toEqual([{ id: "i1", score: 40 }]);
    expect(a.indicators[3]?.failedItems).toEqual(["o2", "o3", "o4", "o5", "o6", "o7", "o8"]);
  });
});

describe("planScore", () => {
  it("gives each failed OIT item its exact share of the overall score", () => {
    const plan = planScore(framework, scores([100, 100, 100, 50, 100]), {
      o9: "pass",
      o10: "pass",
      o11: "pass",
      o12: "pass",
    });
    const item = plan.ranked.find((a) => a.kind === "publish-item" && a.itemId === "o1");
    // OIT weighs 0.4 over 2 indicators, indicator 4 has 2 sub-indicators, 4.1 has 8 items.
    expect(item?.gain).toBeCloseTo((0.4 / 2) * (100 / 2 / 8), 9);
    expect(indicatorShare(framework, 4)).toBeCloseTo(0.2, 9);
  });

  it("chooses the fewest actions that reach each reachable target", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 5, maxLength: 5 }),
        (values) => {
          const s = scores(values);
          const plan = planScore(framework, s, undefined);
          for (const p of plan.plans) {
            const all = planScore(framework, s, undefined, [p.target]).ranked;
            if (p.gap === 0) expect(p.actions).toEqual([]);
            if (!p.reachable) {
              expect(p.actions.length).toBe(all.length);
              continue;
            }
            expect(p.overallAfter).toBeGreaterThanOrEqual(p.target - 1e-6);
            // No set with one action fewer can close the gap: even the largest gains fall short.
            const best = all.slice(0, p.actions.length - 1).reduce((t, a) => t + a.gain, 0);
            if (p.actions.length > 0) expect(best).toBeLessThan(p.gap);
          }
        },
      ),
    );
  });
});
