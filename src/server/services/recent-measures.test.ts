import { describe, expect, it } from "vitest";
import type { AssessmentScope } from "./find-assessment-scope.ts";
import type { MeasureRow } from "./measure-rows.ts";
import { RecentMeasures } from "./recent-measures.ts";

const scope: AssessmentScope = {
  fiscalYear: 2566,
  frameworkId: "ita-2566",
  analysedFrameworkId: "ita-2565",
  divisions: ["กองคลัง"],
  scopeVersion: 1,
};
const row = (id: string, version: number) =>
  ({ id, agencyId: "agency", assessmentId: "year", version }) as MeasureRow;
const key = (measureId: string) => ({ agencyId: "agency", assessmentId: "year", measureId });

describe("the measures a process remembers", () => {
  it("answers only for the same measure, agency, assessment and version", () => {
    const recent = new RecentMeasures(10);
    recent.remember(row("m1", 3), scope);
    expect(recent.get(key("m1"), 3)?.measure.version).toBe(3);
    expect(recent.get(key("m1"), 2)).toBeUndefined();
    expect(recent.get({ ...key("m1"), agencyId: "other" }, 3)).toBeUndefined();
    expect(recent.get({ ...key("m1"), assessmentId: "other" }, 3)).toBeUndefined();
    recent.remember(row("m1", 4), scope);
    expect(recent.get(key("m1"), 3)).toBeUndefined();
  });

  it("forgets the measure changed longest ago when full", () => {
    const recent = new RecentMeasures(2);
    recent.remember(row("m1", 1), scope);
    recent.remember(row("m2", 1), scope);
    recent.remember(row("m1", 2), scope);
    recent.remember(row("m3", 1), scope);
    expect(recent.get(key("m2"), 1)).toBeUndefined();
    expect(recent.get(key("m1"), 2)).toBeDefined();
    expect(recent.get(key("m3"), 1)).toBeDefined();
  });
});
