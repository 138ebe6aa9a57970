import { describe, expect, it } from "vitest";
import type { MeasureResponse } from "../../../shared/measure.ts";
import type { ProgressReportResponse } from "../../../shared/progress.ts";
import { entriesBody, prefillEntries, refreshFromMeasures } from "./report-entries.ts";

function measure(id: string, status: MeasureResponse["status"], progress: number): MeasureResponse {
  return {
    id,
    assessmentId: "a",
    position: 1,
    title: id,
    steps: ["s"],
    responsible: ["กองคลัง"],
    indicators: [9],
    oitItems: [],
    monitoring: [],
    startDate: null,
    dueDate: null,
    status,
    progress,
    evidenceLinks: [],
    version: 1,
    createdAt: "",
    updatedAt: "",
  };
}

const measures = [measure("m1", "in_progress", 50), measure("m2", "planned", 0)];
const saved: ProgressReportResponse = {
  id: "r",
  assessmentId: "a",
  kind: "six_month",
  asOf: "2023-03-31",
  summary: "s",
  entries: [
    { measureId: "m2", status: "in_progress", progress: 20, note: "เริ่มแล้ว" },
    { measureId: "gone", status: "done", progress: 100, note: "" },
  ],
  updatedAt: "",
  updatedBy: "",
};

describe("a progress report's entries", () => {
  it("start from the saved report where it speaks of a measure, else from the measure as it is", () => {
    expect(prefillEntries(measures, saved)).toEqual({
      m1: { status: "in_progress", progress: 50, note: "" },
      m2: { status: "in_progress", progress: 20, note: "เริ่มแล้ว" },
    });
    expect(prefillEntries(measures, undefined).m2).toEqual({
      status: "planned",
      progress: 0,
      note: "",
    });
  });

  it("can be refreshed from the measures without losing notes, and send only existing measures", () => {
    const refreshed = refreshFromMeasures(measures, prefillEntries(measures, saved));
    expect(refreshed.m2).toEqual({ status: "planned", progress: 0, note: "เริ่มแล้ว" });
    const body = entriesBody(measures, {
      ...refreshed,
      gone: { status: "done", progress: 100, note: "" },
    });
    expect(body.map((e) => e.measureId)).toEqual(["m1", "m2"]);
    expect(body[1]?.note).toBe("เริ่มแล้ว");
  });
});
