import { describe, expect, it } from "vitest";
import type { PlannerAction } from "../../../shared/analysis.ts";
import { actionKey, levelFor, projectOverall, roundHalfUp } from "./projection.ts";

const levels = [
  { id: "AA", min: 95 },
  { id: "A", min: 85 },
  { id: "B", min: 75 },
  { id: "F", min: 0 },
];

const raise = (indicator: number, gain: number): PlannerAction => ({
  kind: "raise-indicator",
  indicator,
  gain,
  label: `ยกระดับตัวชี้วัดที่ ${indicator}`,
  from: 70,
  to: 85,
});

describe("the planner's what-if", () => {
  it("adds the gains of the chosen actions to the starting overall", () => {
    expect(projectOverall(78.33, [raise(10, 5.68), raise(9, 5.04)])).toBeCloseTo(89.05, 10);
    expect(projectOverall(78.33, [])).toBe(78.33);
  });

  it("never projects above 100", () => {
    expect(projectOverall(98, [raise(1, 5)])).toBe(100);
  });

  it("reads the level off the overall rounded half-up to two decimals", () => {
    expect(levelFor(levels, 84.994)).toBe("B");
    expect(levelFor(levels, 84.995)).toBe("A");
    expect(levelFor(levels, 89.05)).toBe("A");
    expect(levelFor(levels, 100)).toBe("AA");
    expect(levelFor([...levels].reverse(), 78.33)).toBe("B");
    expect(levelFor([], 78.33)).toBeNull();
  });

  it("rounds 1.005 up as people expect", () => {
    expect(roundHalfUp(1.005)).toBe(1.01);
    expect(roundHalfUp(-1.005)).toBe(-1.01);
  });

  it("keys actions by kind, indicator and item", () => {
    const item: PlannerAction = {
      kind: "publish-item",
      indicator: 9,
      gain: 0.4,
      label: "เผยแพร่ข้อ O23",
      subIndicator: "9.4",
      itemId: "o23",
      topic: "procurement-plan",
      title: "แผนการจัดซื้อจัดจ้าง",
    };
    expect(actionKey(item)).toBe("publish-item:9:o23");
    expect(actionKey(raise(7, 1))).toBe("raise-indicator:7:");
  });
});
