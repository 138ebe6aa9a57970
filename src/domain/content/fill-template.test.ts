import { describe, expect, it } from "vitest";
import { domainErrorOf } from "../test-factories.ts";
import { fillTemplate, placeholdersOf } from "./fill-template.ts";

const thrown = domainErrorOf;

describe("fillTemplate", () => {
  it("fills every placeholder, including repeated ones", () => {
    const out = fillTemplate("{agency} ปีงบประมาณ พ.ศ. {year} และ {agency}", {
      agency: "เทศบาลตำบลตัวอย่าง",
      year: "๒๕๖๖",
    });
    expect(out).toBe("เทศบาลตำบลตัวอย่าง ปีงบประมาณ พ.ศ. ๒๕๖๖ และ เทศบาลตำบลตัวอย่าง");
  });

  it("returns text without placeholders unchanged and ignores extra values", () => {
    expect(fillTemplate("ข้อความธรรมดา", { agency: "x" })).toBe("ข้อความธรรมดา");
  });

  it("rejects a missing value and names every missing placeholder", () => {
    const error = thrown(() => fillTemplate("{agency} {share} {passMark}", { share: "๘๐" }));
    expect(error.code).toBe("INPUT_INVALID");
    expect(error.message).toContain("agency");
    expect(error.details.map((d) => d.path)).toEqual(["agency", "passMark"]);
    for (const d of error.details) expect(d.th).toMatch(/\{(agency|passMark)\}/);
  });

  it("rejects malformed placeholders and unbalanced braces instead of leaving them", () => {
    expect(thrown(() => fillTemplate("{ bad }", {})).details[0]?.path).toBe("{ bad }");
    expect(thrown(() => fillTemplate("{agency", { agency: "x" })).code).toBe("INPUT_INVALID");
    expect(thrown(() => fillTemplate("{agency}", { agency: "{share}" })).code).toBe(
      "INPUT_INVALID",
    );
  });

  it("lists placeholders once, in order", () => {
    expect(placeholdersOf("{b} {a} {b}")).toEqual(["b", "a"]);
  });
});
