import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { DomainError } from "../errors.ts";
import { loadFrameworks } from "../framework/load-frameworks.ts";
import { domainErrorOf } from "../test-factories.ts";
import { parseAgencyYear } from "./parse-agency-year.ts";

const root = new URL("../../../", import.meta.url);
const readYaml = (path: string): unknown =>
  parse(readFileSync(fileURLToPath(new URL(path, root)), "utf8"));
const frameworks = loadFrameworks();
const example = (): unknown => structuredClone(readYaml("examples/huai-sak-2566.yaml"));

const problems = (raw: unknown): DomainError =>
  domainErrorOf(() => parseAgencyYear(raw, frameworks));

describe("agency-year file", () => {
  it("reads the Huai Sak example with its indicators under the right numbers", () => {
    const year = parseAgencyYear(readYaml("examples/huai-sak-2566.yaml"), frameworks);
    expect(year.framework.id).toBe("ita-2565");
    expect(year.indicators.get(7)).toBe(69.7);
    expect(year.indicators.get(9)).toBe(74.8);
    expect(year.result.overall).toBeCloseTo(78.33, 9);
    expect(year.result.level).toBe("B");
    expect(year.measures).toHaveLength(4);
    expect(year.measures[0]?.monitoring[0]?.date).toEqual({ year: 2023, month: 3, day: 31 });
  });

  it("refuses the hand-written total 70.64, naming both numbers", () => {
    const error = problems(readYaml("tests/fixtures/huai-sak-2566-official-70.64.yaml"));
    expect(error.code).toBe("OFFICIAL_TOTAL_MISMATCH");
    expect(error.details[0]?.path).toBe("results.official.overall");
    expect(error.details[0]?.th).toContain("70.64");
    expect(error.details[0]?.th).toContain("78.33");
    expect(error.details[0]?.en).toMatch(/70\.64.*78\.33/);
  });

  it("accepts an official total within 0.01 of the recomputed one", () => {
    const raw = example() as { results: { official?: unknown } };
    raw.results.official = { overall: 78.34, level: "B" };
    expect(() => parseAgencyYear(raw, frameworks)).not.toThrow();
  });

  it("lists every cross-field problem at once, in Thai and English", () => {
    const raw = example() as {
      results: { indicators: Record<string, number>; oit?: unknown };
      measures: { responsible: string[]; monitoring: { date: string }[]; indicators: number[] }[];
      approval: { date?: string };
    };
    delete raw.results.indicators["10"];
    raw.results.oit = { o99: "pass" };
    const m = raw.measures[0];
    if (!m) throw new Error("example has measures");
    m.responsible.push("กองที่ไม่มีอยู่");
    m.monitoring[0] = { ...m.monitoring[0], date: "2567-03-31" };
    m.indicators.push(11);
    raw.approval.date = "2566-02-30";
    const error = problems(raw);
    expect(error.code).toBe("INPUT_INVALID");
    expect(error.details.map((d) => d.path).sort()).toEqual(
      [
        "results.indicators.10",
        "results.oit.o99",
        "results.oit",
        "measures.0.responsible.5",
        "measures.0.indicators.1",
        "measures.0.monitoring.0.date",
        "approval.date",
      ].sort(),
    );
    for (const d of error.details) {
      expect(d.th).toMatch(/[ก-๙]/);
      expect(d.en).toMatch(/[a-z]/);
    }
  });

  it("refuses OIT indicator scores that the item verdicts do not give", () => {
    const raw = example() as { results: { oit?: Record<string, string> } };
    const framework = frameworks.get("ita-2565");
    raw.results.oit = Object.fromEntries(
      (framework?.oit ?? []).flatMap((s) => s.items).map((item) => [item.id, "pass"]),
    );
    const error = problems(raw);
    expect(error.details.map((d) => d.path)).toEqual([
      "results.indicators.9",
      "results.indicators.10",
    ]);
    expect(error.details[0]?.th).toContain("74.8");
    expect(error.details[0]?.th).toContain("100");
  });

  it("lists every shape problem with its path", () => {
    const raw = example() as Record<string, unknown> & { agency: Record<string, unknown> };
    raw.agency.website = "ftp://example";
    raw.agency.type = "หมู่บ้าน";
    raw.fiscalYear = "2566";
    delete raw.measures;
    const paths = problems(raw).details.map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(["agency.website", "agency.type", "fiscalYear", "measures"]),
    );
  });
});
