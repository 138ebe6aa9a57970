import { describe, expect, it } from "vitest";
import { loadFrameworks } from "../framework/load-frameworks.ts";
import { isWebLink, oitWindows } from "./oit-windows.ts";

const framework = loadFrameworks().get("ita-2566");
if (!framework) throw new Error("no ita-2566");

describe("oitWindows", () => {
  it("marks the framework's four OIT windows against a day", () => {
    const windows = oitWindows(framework, null, "2023-05-10");
    expect(windows.map((w) => [w.id, w.status])).toEqual([
      ["oit-submission", "past"],
      ["oit-scoring", "current"],
      ["clarification", "upcoming"],
      ["confirmation", "upcoming"],
    ]);
    expect(windows[0]).toMatchObject({ start: "2023-03-01", end: "2023-04-30" });
    expect(windows[0]?.name.th).toBe("หน่วยงานตอบแบบ OIT พร้อมลิงก์หลักฐาน");
  });

  it("takes an assessment's own days for a window, keeping the framework's name", () => {
    const own = { "oit-submission": { start: "2026-12-01", end: "2026-12-31" } };
    const [submission, scoring] = oitWindows(framework, own, "2026-12-04");
    expect(submission).toMatchObject({ start: "2026-12-01", status: "current" });
    expect(submission?.name.en).toBe("OIT answers and evidence links");
    expect(scoring?.status).toBe("past");
  });

  it("never opens a window the framework lacks", () => {
    const bare = { ...framework, windows: [] };
    expect(oitWindows(bare, null, "2023-05-10").every((w) => w.status === "upcoming")).toBe(true);
  });
});

describe("isWebLink", () => {
  it("accepts absolute http(s) links only", () => {
    expect(isWebLink("https://www.huaisak.go.th/ita")).toBe(true);
    expect(isWebLink("http://huaisak.go.th")).toBe(true);
    for (const bad of [
      "ftp://x.go.th",
      "www.huaisak.go.th",
      "javascript:alert(1)",
      "mailto:a@b.c",
      "",
    ])
      expect(isWebLink(bad), bad).toBe(false);
  });
});
