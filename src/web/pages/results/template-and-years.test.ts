import { describe, expect, it } from "vitest";
import { getFramework, loadFrameworks } from "../../../domain/framework/load-frameworks.ts";
import type { AgencyResponse } from "../../../shared/agency.ts";
import type { ResultResponse } from "../../../shared/result.ts";
import { csvDataUrl, templateCsv } from "./import-template.ts";
import { type DashboardAssessment, resultYears } from "./use-results.ts";

const framework = getFramework("ita-2565", loadFrameworks());
const agency = { name: 'เทศบาล "ห้วยสัก", เชียงราย', province: "เชียงราย" } as AgencyResponse;

const assessment = (fiscalYear: number, overall: number | null): DashboardAssessment => ({
  id: `id-${fiscalYear}`,
  fiscalYear,
  frameworkId: `ita-${fiscalYear}`,
  result:
    overall === null
      ? null
      : { computedOverall: overall, computedLevel: "B", officialOverall: null, discrepancy: null },
  measures: {
    total: 0,
    planned: 0,
    inProgress: 0,
    done: 0,
    cancelled: 0,
    overdue: 0,
    dueSoon: 0,
    averageProgress: null,
  },
});

describe("the results template", () => {
  it("has the framework's Thai headers and the agency's row, quoted where needed", () => {
    const csv = templateCsv({ agency, fiscalYear: 2565, framework, result: null });
    const [header, row] = csv.split("\r\n");
    expect(header).toBe(
      "ชื่อหน่วยงาน,จังหวัด,ปีงบประมาณ,กรอบการประเมิน,ตัวชี้วัด 1,ตัวชี้วัด 2,ตัวชี้วัด 3,ตัวชี้วัด 4,ตัวชี้วัด 5,ตัวชี้วัด 6,ตัวชี้วัด 7,ตัวชี้วัด 8,ตัวชี้วัด 9,ตัวชี้วัด 10,คะแนนรวม,ระดับ",
    );
    expect(row).toBe('"เทศบาล ""ห้วยสัก"", เชียงราย",เชียงราย,2565,ita-2565,,,,,,,,,,,,');
  });

  it("carries the stored scores and the official figures, and a byte-order mark for Excel", () => {
    const result = {
      indicators: { 1: 93.7, 10: 71.6 },
      official: { overall: 78.33, level: "B" },
    } as unknown as ResultResponse;
    const csv = templateCsv({ agency, fiscalYear: 2565, framework, result });
    expect(csv.split("\r\n")[1]).toMatch(/,ita-2565,93.7,,,,,,,,,71.6,78.33,B$/);
    const url = csvDataUrl(csv);
    expect(url.startsWith("data:text/csv;charset=utf-8,%EF%BB%BF")).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(",") + 1))).toBe(`\uFEFF${csv}`);
  });
});

describe("the years a results page offers", () => {
  it("defaults to last year's result, and shows this year's once the year is over", () => {
    const assessments = [assessment(2565, 78.33), assessment(2566, null)];
    const during = resultYears({ assessments, fiscalYear: 2566, today: "2023-05-01" });
    expect(during.analysedYear).toBe(2565);
    expect(during.years.map((y) => [y.fiscalYear, y.role])).toEqual([[2565, "analysed"]]);
    const after = resultYears({ assessments, fiscalYear: 2566, today: "2023-10-01" });
    expect(after.years.map((y) => [y.fiscalYear, y.role, y.assessment?.id])).toEqual([
      [2565, "analysed", "id-2565"],
      [2566, "thisYear", "id-2566"],
    ]);
  });

  it("analyses the latest earlier result when last year has none, and still offers last year", () => {
    const assessments = [assessment(2564, 70), assessment(2565, null), assessment(2567, 80)];
    const { years, analysedYear } = resultYears({
      assessments,
      fiscalYear: 2566,
      today: "2023-01-01",
    });
    expect(analysedYear).toBe(2564);
    expect(years.map((y) => [y.fiscalYear, y.role])).toEqual([
      [2564, "analysed"],
      [2565, "lastYear"],
    ]);
  });

  it("offers last year even when the agency has no assessment of it", () => {
    const { years } = resultYears({ assessments: [], fiscalYear: 2566, today: "2023-01-01" });
    expect(years).toEqual([{ fiscalYear: 2565, role: "analysed", assessment: undefined }]);
  });
});
