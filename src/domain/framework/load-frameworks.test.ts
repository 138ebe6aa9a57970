import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { domainErrorOf } from "../test-factories.ts";
import { getFramework, loadFrameworks } from "./load-frameworks.ts";
import { oitItems } from "./lookup.ts";
import type { Framework } from "./schema.ts";

const frameworks = loadFrameworks();
const years = [2564, 2565, 2566, 2567, 2568];
const byYear = (fy: number): Framework => getFramework(`ita-${fy}`, frameworks);

// Reference structure: id, indicator, scale (F four-level, Y yes/no), reverse (R), sub-items.
const iitSpec =
  "i1 1 F + 2|i2 1 F + 0|i3 1 F + 3|i4 1 Y R 3|i5 1 Y R 3|i6 1 Y R 3|i7 2 F + 0|i8 2 F + 2|" +
  "i9 2 F R 0|i10 2 F R 0|i11 2 F + 2|i12 2 F + 3|i13 3 F + 0|i14 3 F + 0|i15 3 F + 0|" +
  "i16 3 F R 0|i17 3 F R 0|i18 3 F R 3|i19 4 F R 0|i20 4 F + 0|i21 4 F + 0|i22 4 F R 0|" +
  "i23 4 F + 0|i24 4 F + 0|i25 5 F + 0|i26 5 Y + 2|i27 5 F + 0|i28 5 F + 3|i29 5 F + 0|i30 5 F + 4";
const eitSpec =
  "e1 6 F + 2|e2 6 F + 0|e3 6 F + 0|e4 6 Y R 3|e5 6 F + 0|e6 7 F + 2|e7 7 F + 0|e8 7 Y + 0|" +
  "e9 7 F + 0|e10 7 Y + 0|e11 8 F + 0|e12 8 F + 0|e13 8 F + 0|e14 8 F + 0|e15 8 F + 0";
const specRows = (spec: string) => spec.split("|").map((row) => row.split(" "));

describe("shipped frameworks", () => {
  it("loads all five fiscal years", () => {
    expect([...frameworks.keys()]).toEqual(years.map((fy) => `ita-${fy}`));
    for (const fy of years) expect(byYear(fy).fiscalYear).toBe(fy);
  });

  it.each(years)("ita-%i has the reference question structure", (fy) => {
    const f = byYear(fy);
    const iit = f.questions.filter((q) => q.id.startsWith("i"));
    const eit = f.questions.filter((q) => q.id.startsWith("e"));
    expect(iit).toHaveLength(30);
    expect(eit).toHaveLength(15);
    const subCount = (qs: typeof iit) => qs.reduce((n, q) => n + q.subItems.length, 0);
    expect(subCount(iit)).toBe(33);
    expect(subCount(eit)).toBe(7);
    for (const [id, indicator, scale, reverse, subs] of specRows(`${iitSpec}|${eitSpec}`)) {
      const q = f.questions.find((x) => x.id === id);
      expect(q, id).toBeDefined();
      expect([q?.indicator, q?.scale, q?.reverse, q?.subItems.length], id).toEqual([
        Number(indicator),
        scale === "Y" ? "yes-no" : "four-level",
        reverse === "R",
        Number(subs),
      ]);
      expect(q?.subItems.map((s) => s.id)).toEqual(
        Array.from({ length: Number(subs) }, (_, k) => `${id}.${k + 1}`),
      );
    }
    const i11 = f.questions.find((q) => q.id === "i11");
    expect(i11?.subItems.map((s) => s.reverse ?? i11.reverse)).toEqual([false, true]);
  });

  it.each(years)("ita-%i has tools, indicators, scales, levels and analysis defaults", (fy) => {
    const f = byYear(fy);
    expect(f.tools.map((t) => [t.id, t.kind, t.weight])).toEqual([
      ["IIT", "survey", 0.3],
      ["EIT", "survey", 0.3],
      ["OIT", "checklist", 0.4],
    ]);
    expect(f.indicators.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(f.indicators.find((i) => i.number === 8)?.name.th).toBe(
      fy <= 2565 ? "การปรับปรุงระบบการทำงาน" : "การปรับปรุงการทำงาน",
    );
    const points = f.scales.map((s) => [s.id, s.options.map((o) => [o.id, o.points])]);
    expect(points).toEqual([
      [
        "four-level",
        [
          ["least", 0],
          ["little", 33.33],
          ["much", 66.67],
          ["most", 100],
        ],
      ],
      [
        "yes-no",
        [
          ["no", 0],
          ["yes", 100],
        ],
      ],
    ]);
    expect(f.levels.map((l) => `${l.id}${l.min}`).join(" ")).toBe("AA95 A85 B75 C65 D55 E50 F0");
    expect(f.analysis).toEqual({
      thresholds: { strength: 85, weakness: 85, urgent: 70 },
      targets: [85, 95],
    });
    expect(f.sampleSize).toEqual([
      { tool: "IIT", fraction: 0.1, floor: 30 },
      { tool: "EIT", fraction: 0.1, floor: 30, cap: 400 },
    ]);
    const gregorian = String(fy - 543);
    for (const w of f.windows) expect(w.start.slice(0, 4)).toBe(gregorian);
  });

  it("has the rating from FY2566 only", () => {
    expect(byYear(2564).rating).toBeUndefined();
    expect(byYear(2565).rating).toBeUndefined();
    for (const fy of [2566, 2567, 2568]) {
      const rating = byYear(fy).rating;
      expect(rating?.passMark).toBe(85);
      expect(rating?.bands.map((b) => [b.id, b.minOverall, b.minEachTool])).toEqual([
        ["excellent", 95, 95],
        ["good", 85, 85],
        ["pass", 85, undefined],
        ["improve", 70, undefined],
        ["urgent", 0, undefined],
      ]);
    }
  });

  it.each([
    [2564, [9, 8, 7, 4, 5, 8, 2]],
    [2565, [9, 8, 7, 4, 5, 8, 2]],
    [2566, [10, 8, 4, 4, 4, 8, 5]],
    [2567, [10, 8, 4, 4, 4, 8, 5]],
    [2568, [4, 7, 2, 3, 4, 4, 2]],
  ])("ita-%i has its OIT list by sub-indicator", (fy, sizes) => {
    const f = byYear(fy);
    expect(f.oit.map((s) => s.id)).toEqual(["9.1", "9.2", "9.3", "9.4", "9.5", "10.1", "10.2"]);
    expect(f.oit.map((s) => s.items.length)).toEqual(sizes);
    const items = oitItems(f);
    expect(items).toHaveLength(fy === 2568 ? 26 : 43);
    const prefix = fy <= 2565 ? "o" : "O";
    expect(items.map((i) => i.id)).toEqual(items.map((_, k) => `${prefix}${k + 1}`));
    expect(new Set(items.map((i) => i.topic)).size).toBe(items.length);
  });

  it("maps FY2566 topics one-to-one onto the FY2565 items of the same subject", () => {
    const older = new Map(oitItems(byYear(2565)).map((i) => [i.topic, i.id]));
    const pairs = new Map<string, string>();
    const added: string[] = [];
    for (const item of oitItems(byYear(2566))) {
      const match = older.get(item.topic);
      if (match) pairs.set(item.id, match);
      else added.push(item.topic);
    }
    expect(pairs.size).toBe(36);
    expect(new Set(pairs.values()).size).toBe(pairs.size);
    expect(pairs.get("O27")).toBe("o29");
    expect(pairs.get("O2")).toBe("o2");
    expect(pairs.get("O13")).toBe("o12");
    expect(pairs.get("O42")).toBe("o42");
    expect(added.sort()).toEqual([
      "code-of-ethics",
      "ethics-assessment",
      "ethics-promotion",
      "no-gift-culture",
      "no-gift-policy",
      "no-gift-report",
      "personal-data-policy",
    ]);
  });

  it("gives every FY2568 topic a counterpart in FY2566", () => {
    const topics2566 = new Set(oitItems(byYear(2566)).map((i) => i.topic));
    const missing = oitItems(byYear(2568)).filter((i) => !topics2566.has(i.topic));
    expect(missing).toEqual([]);
  });

  it("marks annual reports as describing the previous fiscal year", () => {
    const yearOf = (fy: number, topic: string) =>
      oitItems(byYear(fy)).find((i) => i.topic === topic)?.year;
    for (const fy of years) {
      expect(yearOf(fy, "annual-procurement-report")).toBe("previous");
      expect(yearOf(fy, "annual-prevention-report")).toBe("previous");
      expect(yearOf(fy, "complaint-guideline")).toBe("any");
      expect(yearOf(fy, "prevention-plan")).toBe("current");
    }
  });

  it("has a Thai recommendation for every OIT topic of every year", () => {
    const file = new URL("../../../content/th/oit-recommendations.json", import.meta.url);
    const content = JSON.parse(readFileSync(file, "utf8")) as {
      topics: Record<string, { recommendation: string }>;
    };
    const used = new Set(years.flatMap((fy) => oitItems(byYear(fy)).map((i) => i.topic)));
    expect(Object.keys(content.topics).sort()).toEqual([...used].sort());
    for (const entry of Object.values(content.topics))
      expect(entry.recommendation).toMatch(/[\u0E00-\u0E7F]/);
  });
});

describe("getFramework", () => {
  it("rejects an unknown id with the list of known ids", () => {
    const fail = () => getFramework("ita-2599", frameworks);
    expect(fail).toThrow(DomainError);
    try {
      fail();
    } catch (error) {
      const e = error as DomainError;
      expect(e.code).toBe("FRAMEWORK_NOT_FOUND");
      expect(e.message).toContain("ita-2564, ita-2565, ita-2566, ita-2567, ita-2568");
      expect(e.userMessage).toContain("ita-2568");
      expect(e.details[0]?.path).toBe("framework");
    }
  });
});

describe("loadFrameworks from a folder", () => {
  let dir = "";
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const raw = () =>
    JSON.parse(readFileSync(new URL("../../../frameworks/ita-2566.json", import.meta.url), "utf8"));
  const failure = domainErrorOf;

  it("reads only ita-*.json files", () => {
    dir = mkdtempSync(join(tmpdir(), "frameworks-"));
    writeFileSync(join(dir, "ita-2566.json"), JSON.stringify(raw()));
    writeFileSync(join(dir, "notes.json"), "{}");
    expect([...loadFrameworks(dir).keys()]).toEqual(["ita-2566"]);
  });

  it("names the file when its JSON is broken", () => {
    dir = mkdtempSync(join(tmpdir(), "frameworks-"));
    writeFileSync(join(dir, "ita-2570.json"), "{ not json");
    const error = failure(() => loadFrameworks(dir));
    expect(error.code).toBe("FRAMEWORK_INVALID");
    expect(error.message).toContain("ita-2570.json");
  });

  it("rejects a file whose id differs from its name", () => {
    dir = mkdtempSync(join(tmpdir(), "frameworks-"));
    writeFileSync(join(dir, "ita-2570.json"), JSON.stringify(raw()));
    const error = failure(() => loadFrameworks(dir));
    expect(error.details.map((d) => d.path)).toEqual(["id"]);
  });

  it("rejects an invalid file with its problems", () => {
    dir = mkdtempSync(join(tmpdir(), "frameworks-"));
    writeFileSync(join(dir, "ita-2566.json"), JSON.stringify({ ...raw(), levels: [] }));
    const error = failure(() => loadFrameworks(dir));
    expect(error.message).toContain("ita-2566.json");
    expect(error.details.map((d) => d.path)).toContain("levels");
  });
});
