import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { DomainError } from "../errors.ts";
import { domainErrorOf } from "../test-factories.ts";
import { parseFramework } from "./parse-framework.ts";

type Json = Record<string, unknown>;

// A fresh, valid framework object each time; tests break parts of it.
const valid = (): Json =>
  JSON.parse(readFileSync(new URL("../../../frameworks/ita-2566.json", import.meta.url), "utf8"));

// Reaches into the JSON tree by a dotted path, for breaking one field of a valid framework.
function at(root: Json, path: string): Json {
  let node: unknown = root;
  for (const key of path.split(".")) node = (node as Json)[key];
  return node as Json;
}

function failure(json: unknown, source = "ita-2566.json"): DomainError {
  return domainErrorOf(() => parseFramework(json, source));
}

describe("parseFramework", () => {
  it("returns a valid framework with defaults applied", () => {
    const json = valid();
    const question = at(json, "questions.1");
    delete question.reverse;
    delete question.subItems;
    const framework = parseFramework(json, "ita-2566.json");
    expect(framework.questions[1]?.reverse).toBe(false);
    expect(framework.questions[1]?.subItems).toEqual([]);
  });

  it("lists every structural problem by path, not just the first", () => {
    const json = valid();
    at(json, "questions.3").scale = 7;
    at(json, "tools.0").weight = -1;
    at(json, "levels.2").min = "x";
    at(json, "oit.0.items.1").year = "next";
    at(json, "indicators.0.name").th = "";
    delete at(json, "windows.0").start;
    at(json, "windows.1").end = "30/06/2566";
    json.colour = "blue";

    const error = failure(json);
    expect(error.code).toBe("FRAMEWORK_INVALID");
    expect(error.message).toContain("ita-2566.json");
    expect(error.details.map((d) => d.path).sort()).toEqual(
      [
        "questions.3.scale",
        "tools.0.weight",
        "levels.2.min",
        "oit.0.items.1.year",
        "indicators.0.name.th",
        "windows.0.start",
        "windows.1.end",
        "colour",
      ].sort(),
    );
    for (const detail of error.details) {
      expect(detail.th).toMatch(/[\u0E00-\u0E7F]/);
      expect(detail.en.length).toBeGreaterThan(0);
    }
    const start = error.details.find((d) => d.path === "windows.0.start");
    expect(start?.th).toContain("ขาดข้อมูล");
  });

  it("lists every cross-reference problem by path", () => {
    const json = valid();
    at(json, "questions.3").scale = "five-level";
    at(json, "questions.5").id = "i1";
    at(json, "tools.2").weight = 0.5;
    at(json, "oit.0.items.1").topic = "structure";
    at(json, "oit.1").id = "8.2";
    at(json, "sampleSize.0").tool = "OIT";

    const error = failure(json);
    const paths = error.details.map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "questions.3.scale",
        "questions.5.id",
        "tools",
        "oit.0.items.1.topic",
        "oit.1.id",
        "sampleSize.0.tool",
      ]),
    );
    expect(error.details.find((d) => d.path === "questions.3.scale")?.th).toContain(
      "ไม่รู้จักมาตรวัดคำตอบ five-level",
    );
    expect(error.details.find((d) => d.path === "tools")?.th).toContain("น้ำหนัก");
  });

  it("rejects something that is not a framework at all", () => {
    const error = failure("hello", "ita-0000.json");
    expect(error.details).toHaveLength(1);
    expect(error.details[0]?.path).toBe("");
    expect(error.userMessage).toContain("ita-0000.json");
  });

  it("checks that last year's items map to items of this list, and not from itself", () => {
    const json = valid();
    json.previous = { framework: "ita-2566", oitItems: { O1: "O1", O2: "O77", O3: null } };
    const error = failure(json);
    expect(error.details.map((d) => d.path)).toEqual([
      "previous.framework",
      "previous.oitItems.O2",
    ]);
    expect(error.details[1]?.th).toContain("O77");
  });
});
