import { describe, expect, it } from "vitest";
import {
  defaultDates,
  isAdopted,
  matchingDivisions,
  thaiToday,
  toMeasureCreate,
} from "./measure-draft.ts";

describe("a suggested measure made into the year's measure", () => {
  it("counts today in Thailand's time zone", () => {
    expect(thaiToday(new Date("2023-09-30T17:30:00Z"))).toBe("2023-10-01");
    expect(thaiToday(new Date("2023-09-30T16:59:00Z"))).toBe("2023-09-30");
  });

  it("starts today when today is inside the year, else on its first day; due on its last", () => {
    expect(defaultDates(2566, "2023-02-14")).toEqual({
      startDate: "2023-02-14",
      dueDate: "2023-09-30",
    });
    expect(defaultDates(2566, "2026-11-25")).toEqual({
      startDate: "2022-10-01",
      dueDate: "2023-09-30",
    });
    expect(defaultDates(2566, "2022-09-30").startDate).toBe("2022-10-01");
  });

  it("preselects the agency's divisions that match the suggested ones", () => {
    const divisions = ["สำนักปลัดเทศบาล", "กองคลัง", "กองช่าง"];
    expect(matchingDivisions(["สำนักปลัด", "ทุกส่วนราชการ"], divisions)).toEqual(["สำนักปลัดเทศบาล"]);
    expect(matchingDivisions(["กองช่าง"], divisions)).toEqual(["กองช่าง"]);
    expect(matchingDivisions([" "], divisions)).toEqual([]);
  });

  it("recognises a measure already in the plan by its title", () => {
    expect(isAdopted(" มาตรการ ก ", [{ title: "มาตรการ ก" }])).toBe(true);
    expect(isAdopted("มาตรการ ข", [{ title: "มาตรการ ก" }])).toBe(false);
  });

  it("writes one step per non-empty line and sorts the indicators", () => {
    expect(
      toMeasureCreate({
        title: " มาตรการ ก ",
        steps: "ขั้นที่ 1\n\n  ขั้นที่ 2  \n",
        responsible: ["กองคลัง"],
        indicators: [9, 7],
        monitoring: " รายงานผลทุกไตรมาส ",
        startDate: "2022-10-01",
        dueDate: "2023-09-30",
      }),
    ).toEqual({
      title: "มาตรการ ก",
      steps: ["ขั้นที่ 1", "ขั้นที่ 2"],
      responsible: ["กองคลัง"],
      indicators: [7, 9],
      oitItems: [],
      monitoring: [{ date: "2023-09-30", activity: "รายงานผลทุกไตรมาส" }],
      evidenceLinks: [],
      startDate: "2022-10-01",
      dueDate: "2023-09-30",
    });
  });
});
