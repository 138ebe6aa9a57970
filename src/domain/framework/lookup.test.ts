import { describe, expect, it } from "vitest";
import { getFramework, loadFrameworks } from "./load-frameworks.ts";
import {
  findOitItem,
  indicatorsOfTool,
  oitItems,
  questionsOfIndicator,
  subIndicatorsOfIndicator,
} from "./lookup.ts";

const frameworks = loadFrameworks();
const f2565 = getFramework("ita-2565", frameworks);
const f2566 = getFramework("ita-2566", frameworks);

describe("framework lookups", () => {
  it("finds indicators of a tool", () => {
    expect(indicatorsOfTool(f2566, "IIT").map((i) => i.number)).toEqual([1, 2, 3, 4, 5]);
    expect(indicatorsOfTool(f2566, "EIT").map((i) => i.number)).toEqual([6, 7, 8]);
    expect(indicatorsOfTool(f2566, "XYZ")).toEqual([]);
  });

  it("finds questions of an indicator", () => {
    expect(questionsOfIndicator(f2566, 2).map((q) => q.id)).toEqual([
      "i7",
      "i8",
      "i9",
      "i10",
      "i11",
      "i12",
    ]);
    expect(questionsOfIndicator(f2566, 9)).toEqual([]);
  });

  it("finds sub-indicators of an indicator", () => {
    expect(subIndicatorsOfIndicator(f2566, 10).map((s) => s.id)).toEqual(["10.1", "10.2"]);
  });

  it("finds OIT items by id whatever the case", () => {
    expect(findOitItem(f2565, "O29")?.topic).toBe("complaint-guideline");
    expect(findOitItem(f2566, "o27")?.topic).toBe("complaint-guideline");
    expect(findOitItem(f2566, "O44")).toBeUndefined();
    expect(oitItems(f2566)).toHaveLength(43);
  });
});
