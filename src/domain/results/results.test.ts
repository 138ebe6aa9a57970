import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadFrameworks } from "../framework/load-frameworks.ts";
import { buildFramework } from "../test-factories.ts";
import { checkResult, discrepancyOf, type ResultField } from "./check-result.ts";
import { explainDiscrepancy } from "./explain-discrepancy.ts";
import { cellNumber, mapHeaders, recogniseHeader } from "./import-columns.ts";

const readYaml = (path: string) =>
  parse(readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8"));
const path = (f: ResultField) =>
  f.kind === "indicator" ? `i${f.number}` : f.kind === "oit" ? f.id : f.kind;

describe("checking a result", () => {
  const ita2565 = loadFrameworks().get("ita-2565");
  if (!ita2565) throw new Error("ita-2565 missing");
  const huaiSak = readYaml("examples/huai-sak-2566.yaml").results.indicators as Record<
    string,
    number
  >;
  const claimed = readYaml("tests/fixtures/huai-sak-2566-official-70.64.yaml").results.official;

  it("recomputes Huai Sak's 78.33 (B) and keeps the claimed 70.64 (C) beside it, flagged", () => {
    const check = checkResult(ita2565, { indicators: huaiSak, official: claimed }, path);
    if (!check.ok) throw new Error(JSON.stringify(check.problems));
    expect(check.result.computedOverall).toBeCloseTo(78.33, 6);
    expect(check.result.computedLevel).toBe("B");
    expect(check.result.officialOverall).toBe(70.64);
    expect(check.result.officialLevel).toBe("C");
    expect(check.result.discrepancy).toBeCloseTo(-7.69, 6);
    const why = explainDiscrepancy(check.result);
    expect(why?.th).toContain("70.64 (ระดับ C)");
    expect(why?.th).toContain("78.33 (ระดับ B)");
    expect(why?.en).toContain("by -7.69 points");
  });

  it("agrees within the published two decimals", () => {
    expect(discrepancyOf(78.33, 78.33)).toBeNull();
    expect(discrepancyOf(78.34, 78.33)).toBeNull();
    expect(discrepancyOf(78.35, 78.33)).toBeCloseTo(0.02, 9);
    expect(discrepancyOf(null, 78.33)).toBeNull();
    const check = checkResult(
      ita2565,
      { indicators: huaiSak, official: { overall: 78.33, level: "b" } },
      path,
    );
    expect(check.ok && check.result.officialLevel).toBe("B");
    expect(check.ok && explainDiscrepancy(check.result)).toBeNull();
  });

  it("lists every problem: unknown and missing indicators, scores out of range, unknown OIT items and level", () => {
    const framework = buildFramework();
    const check = checkResult(
      framework,
      {
        indicators: { 1: 90, 2: 101, 4: 80, 5: 70, 9: 50 },
        oit: { o1: "pass", O1: "fail", o99: "pass" },
        official: { overall: 120, level: "Z" },
      },
      path,
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.map((p) => p.path)).toEqual([
      "i2",
      "i9",
      "i3",
      "O1",
      "o99",
      "official-overall",
      "official-level",
    ]);
    for (const p of check.problems) expect(p.th.length * p.en.length).toBeGreaterThan(0);
  });

  it("spells OIT items as the framework does", () => {
    const framework = buildFramework();
    const check = checkResult(
      framework,
      { indicators: { 1: 90, 2: 90, 3: 90, 4: 90, 5: 90 }, oit: { O2: "fail" } },
      path,
    );
    expect(check.ok && check.result.oit).toEqual({ o2: "fail" });
  });
});

describe("import columns", () => {
  it("recognises Thai and English headers", () => {
    expect(recogniseHeader("ตัวชี้วัด 3")).toEqual({ kind: "indicator", number: 3 });
    expect(recogniseHeader("ตัวชี้วัดที่ 10")).toEqual({ kind: "indicator", number: 10 });
    expect(recogniseHeader(" I7 ")).toEqual({ kind: "indicator", number: 7 });
    expect(recogniseHeader("Fiscal_Year")).toEqual({ kind: "fiscal-year" });
    expect(recogniseHeader("รหัสหน่วยงาน")).toEqual({ kind: "agency-id" });
    expect(recogniseHeader("คะแนนรวม")).toEqual({ kind: "official-overall" });
    expect(recogniseHeader("colour")).toBeNull();
  });

  it("lists unknown, repeated and missing columns", () => {
    const map = mapHeaders(["ชื่อหน่วยงาน", "i1", "ตัวชี้วัด 1", "colour", null, ""]);
    expect(map.problems.map((p) => p.path)).toEqual([
      "row 1 / ตัวชี้วัด 1",
      "row 1 / colour",
      "row 1",
      "row 1",
      "row 1",
    ]);
  });

  it("reads numbers with Thai digits and separators, and refuses words", () => {
    expect(cellNumber("๗๘.๓๓")).toBe(78.33);
    expect(cellNumber(" 1,234.5 ")).toBe(1234.5);
    expect(cellNumber(85)).toBe(85);
    expect(cellNumber("  ")).toBeNull();
    expect(cellNumber(null)).toBeNull();
    expect(cellNumber("สิบ")).toBeNaN();
    expect(cellNumber("1e3")).toBeNaN();
  });
});
