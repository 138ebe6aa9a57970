import { describe, expect, it } from "vitest";
import { diffEntry, valueText } from "./field-diff.ts";

describe("an audit entry's changes", () => {
  it("lists only the fields that changed, nested ones by their path", () => {
    const before = { title: "ก", status: "planned", progress: 0, approval: { date: null } };
    const after = {
      title: "ก",
      status: "in_progress",
      progress: 40,
      approval: { date: "2023-01-15" },
    };
    expect(diffEntry(before, after)).toEqual({
      kind: "changed",
      changes: [
        { path: "status", before: "planned", after: "in_progress" },
        { path: "progress", before: 0, after: 40 },
        { path: "approval.date", before: null, after: "2023-01-15" },
      ],
    });
  });

  it("shows a removed field and a changed list", () => {
    const diff = diffEntry({ a: 1, tags: ["x"] }, { tags: ["x", "y"] });
    expect(diff.changes).toEqual([
      { path: "tags", before: ["x"], after: ["x", "y"] },
      { path: "a", before: 1, after: undefined },
    ]);
  });

  it("lists every field of a creation and of a deletion", () => {
    expect(diffEntry(undefined, { title: "ใหม่", version: 1 })).toEqual({
      kind: "created",
      changes: [
        { path: "title", before: undefined, after: "ใหม่" },
        { path: "version", before: undefined, after: 1 },
      ],
    });
    expect(diffEntry({ id: "m1" }, null)).toEqual({
      kind: "deleted",
      changes: [{ path: "id", before: "m1", after: undefined }],
    });
  });

  it("says when nothing changed", () => {
    expect(diffEntry({ a: [1, 2] }, { a: [1, 2] }).changes).toEqual([]);
  });
});

describe("a recorded value as text", () => {
  const words = { empty: "(ว่าง)", yes: "ใช่", no: "ไม่ใช่" };
  it("joins plain lists, writes objects as JSON and names what is empty", () => {
    expect(valueText(["กองคลัง", "สำนักปลัด"], words)).toBe("กองคลัง, สำนักปลัด");
    expect(valueText([{ date: "2023-01-15" }], words)).toBe('[{"date":"2023-01-15"}]');
    expect(valueText(null, words)).toBe("(ว่าง)");
    expect(valueText([], words)).toBe("(ว่าง)");
    expect(valueText(false, words)).toBe("ไม่ใช่");
    expect(valueText(78.33, words)).toBe("78.33");
  });
});
