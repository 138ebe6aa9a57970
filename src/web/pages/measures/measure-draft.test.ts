import { describe, expect, it } from "vitest";
import type { MeasureResponse } from "../../../shared/measure.ts";
import {
  draftFromMeasure,
  draftToBody,
  emptyDraft,
  keyed,
  moveItem,
  parseOitItems,
  splitProblemPath,
} from "./measure-draft.ts";
import { changeProgress, changeStatus, isOverdue } from "./status-progress.ts";

const measure: MeasureResponse = {
  id: "m1",
  assessmentId: "a1",
  position: 1,
  title: "เปิดเผยข้อมูล",
  steps: ["หนึ่ง", "สอง"],
  responsible: ["กองคลัง", "กองช่าง"],
  indicators: [9, 7],
  oitItems: ["O42"],
  monitoring: [{ date: "2023-03-31", activity: "รายงาน" }],
  startDate: "2022-10-01",
  dueDate: null,
  status: "planned",
  progress: 0,
  evidenceLinks: [],
  version: 3,
  createdAt: "2023-01-01T00:00:00Z",
  updatedAt: "2023-01-01T00:00:00Z",
};

describe("the measure form's working copy", () => {
  it("round-trips a measure, sorting indicators and leaving out a missing date", () => {
    const body = draftToBody(draftFromMeasure(measure));
    expect(body).toEqual({
      title: "เปิดเผยข้อมูล",
      steps: ["หนึ่ง", "สอง"],
      responsible: ["กองคลัง", "กองช่าง"],
      indicators: [7, 9],
      oitItems: ["O42"],
      monitoring: [{ date: "2023-03-31", activity: "รายงาน" }],
      startDate: "2022-10-01",
    });
    expect(body).not.toHaveProperty("dueDate");
  });

  it("drops blank steps and monitoring rows but keeps half-filled rows for the server to name", () => {
    const draft = emptyDraft({ title: "  ก  " });
    draft.steps.push(keyed("  "), keyed("ขั้นที่สอง"));
    draft.monitoring.push(
      keyed({ date: "", activity: " " }),
      keyed({ date: "", activity: "ประชุม" }),
    );
    const body = draftToBody(draft);
    expect(body.title).toBe("ก");
    expect(body.steps).toEqual(["ขั้นที่สอง"]);
    expect(body.monitoring).toEqual([{ date: "", activity: "ประชุม" }]);
  });

  it("reads OIT ids separated by commas or spaces, and moves rows", () => {
    expect(parseOitItems(" o42, O43 ;o44  ")).toEqual(["o42", "O43", "o44"]);
    expect(parseOitItems("")).toEqual([]);
    expect(moveItem(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
  });

  it("names the field and row (counted from one) of a refused value", () => {
    expect(splitProblemPath("body.monitoring.0.date")).toEqual({
      field: "monitoring",
      row: 1,
      part: "date",
    });
    expect(splitProblemPath("body.dueDate")).toEqual({ field: "dueDate" });
  });
});

describe("status and progress kept in agreement", () => {
  it("done is 100 and 100 is done", () => {
    expect(changeStatus({ status: "in_progress", progress: 40 }, "done", 40)).toEqual({
      status: "done",
      progress: 100,
    });
    expect(changeProgress({ status: "in_progress", progress: 40 }, 100)).toEqual({
      status: "done",
      progress: 100,
    });
  });

  it("leaving done goes back to the earlier progress; starting work leaves planned", () => {
    expect(changeStatus({ status: "done", progress: 100 }, "in_progress", 60)).toEqual({
      status: "in_progress",
      progress: 60,
    });
    expect(changeStatus({ status: "done", progress: 100 }, "cancelled", 100).progress).toBe(0);
    expect(changeProgress({ status: "planned", progress: 0 }, 50)).toEqual({
      status: "in_progress",
      progress: 50,
    });
    expect(changeProgress({ status: "done", progress: 100 }, 80).status).toBe("in_progress");
    expect(changeProgress({ status: "cancelled", progress: 0 }, 130.4)).toEqual({
      status: "done",
      progress: 100,
    });
  });

  it("flags a measure overdue only when its due day has passed and it is still open", () => {
    const today = "2023-04-01";
    expect(isOverdue({ dueDate: "2023-03-31", status: "in_progress" }, today)).toBe(true);
    expect(isOverdue({ dueDate: "2023-04-01", status: "planned" }, today)).toBe(false);
    expect(isOverdue({ dueDate: "2023-03-31", status: "done" }, today)).toBe(false);
    expect(isOverdue({ dueDate: "2023-03-31", status: "cancelled" }, today)).toBe(false);
    expect(isOverdue({ dueDate: null, status: "planned" }, today)).toBe(false);
  });
});
