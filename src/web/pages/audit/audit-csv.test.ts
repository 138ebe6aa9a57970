import { describe, expect, it } from "vitest";
import { toCsv } from "./audit-csv.ts";

describe("the audit CSV", () => {
  it("starts with a byte order mark and ends lines with CRLF, for Excel", () => {
    const csv = toCsv(["ลำดับ", "ทำอะไร"], [["1", "แก้ไขมาตรการ"]]);
    expect(csv).toBe("\uFEFFลำดับ,ทำอะไร\r\n1,แก้ไขมาตรการ\r\n");
  });

  it("quotes commas, quotes and line breaks, and keeps formulas as text", () => {
    const csv = toCsv(["a"], [['{"title":"x, y"}'], ["line\nbreak"], ["=SUM(A1)"], ["-1"]]);
    expect(csv.split("\r\n").slice(1, 5)).toEqual([
      '"{""title"":""x, y""}"',
      '"line\nbreak"',
      "'=SUM(A1)",
      "'-1",
    ]);
  });
});
