import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { fillTemplate, placeholdersOf } from "./fill-template.ts";
import { CONTENT_FILES, defaultContentDir, loadContent } from "./load-content.ts";
import { FIGURE_PLACEHOLDERS, YEAR_IN_TEXT } from "./schema.ts";

const dirs: string[] = [];

// The OIT recommendations file is validated for shape only (see its schema).
const OWN_FILES: string[] = [
  CONTENT_FILES.indicators,
  CONTENT_FILES.recommendations,
  CONTENT_FILES.measures,
  CONTENT_FILES.national,
];

function copyOfShipped(): string {
  const dir = mkdtempSync(join(tmpdir(), "prongsai-content-"));
  dirs.push(dir);
  cpSync(defaultContentDir(), dir, { recursive: true });
  return dir;
}

function editJson(dir: string, file: string, edit: (data: Record<string, unknown>) => void): void {
  const path = join(dir, file);
  const data = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  edit(data);
  writeFileSync(path, JSON.stringify(data));
}

function loadError(dir: string): DomainError {
  try {
    loadContent(dir);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected loadContent to fail");
}

/** Every string value in a JSON document with its dotted path (keys are not text). */
function strings(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}.${i}`));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("shipped Thai content", () => {
  const content = loadContent();

  it("describes the ten indicators, each with its purpose and expectations", () => {
    expect(content.indicators.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const indicator of content.indicators) {
      expect(indicator.purpose.length).toBeGreaterThan(100);
      expect(indicator.expects.length).toBeGreaterThan(100);
    }
  });

  it("gives every indicator at least four recommendations and two suggested measures", () => {
    for (let n = 1; n <= 10; n++) {
      expect(content.recommendations[String(n)]?.length ?? 0, `indicator ${n}`).toBeGreaterThan(3);
      const measures = content.measures.filter((m) => m.indicators.includes(n));
      expect(measures.length, `indicator ${n}`).toBeGreaterThanOrEqual(2);
    }
    expect(content.measures.length).toBeGreaterThanOrEqual(20);
  });

  it("keeps numbers and years out of the text", () => {
    const files = readdirSync(defaultContentDir()).filter((f) => f.endsWith(".json"));
    expect(files).toEqual(expect.arrayContaining(OWN_FILES));
    for (const file of files) {
      const data: unknown = JSON.parse(readFileSync(join(defaultContentDir(), file), "utf8"));
      for (const [path, text] of strings(data)) {
        // Recognition keywords may name periods ("รอบ 6 เดือน"), never a year.
        if (file !== "oit-evidence-keywords.json")
          expect(text, `${file}${path}`).not.toMatch(/[0-9๐-๙]/);
        expect(text, `${file}${path}`).not.toMatch(YEAR_IN_TEXT);
      }
    }
  });

  it("fills every rationale template, leaving figures to the droppable sentences", () => {
    const values = {
      agency: "เทศบาลตำบลตัวอย่าง",
      fiscalYear: "๒๕๖๖",
      assessedYear: "๒๕๖๕",
      passMark: "๘๕",
      share: "๘๐",
    };
    const { national } = content;
    for (const template of national.rationale) {
      for (const figure of FIGURE_PLACEHOLDERS)
        expect(placeholdersOf(template)).not.toContain(figure);
      expect(fillTemplate(template, values)).not.toMatch(/[{}]/);
    }
    const withFigures = { ...values, agencies: "๘,๓๐๓", nationalMean: "๘๗.๕๗" };
    for (const template of national.rationaleWithFigures)
      expect(fillTemplate(template, withFigures)).not.toMatch(/[{}]/);
    expect(national.masterPlan.target).toMatchObject({ passMark: 85, shareOfAgencies: 80 });
    expect(national.years["2565"]?.agencies).toBe(8303);
    expect(national.years["2567"]?.nationalMean).toBeNull();
  });

  it("does not depend on the working directory", () => {
    const cwd = process.cwd();
    process.chdir(tmpdir());
    try {
      expect(loadContent().indicators).toHaveLength(10);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe("loadContent with invalid content", () => {
  it("lists every problem in every file with its file and dotted path", () => {
    const dir = copyOfShipped();
    editJson(dir, CONTENT_FILES.indicators, (d) => {
      const list = d.indicators as Record<string, unknown>[];
      if (list[0]) list[0].purpose = 5;
      if (list[1]) list[1].extra = "x";
    });
    editJson(dir, CONTENT_FILES.recommendations, (d) => {
      (d.indicators as Record<string, unknown>)["3"] = [];
    });
    editJson(dir, CONTENT_FILES.measures, (d) => {
      const list = d.measures as Record<string, unknown>[];
      if (list[0]) list[0].id = "Bad Id";
      if (list[2]) list[2].title = "มาตรการประจำปีงบประมาณ พ.ศ. ๒๕๖๖";
    });
    editJson(dir, CONTENT_FILES.national, (d) => {
      (d.rationale as string[])[0] = "{agency} มี {agencies} แห่ง";
    });
    writeFileSync(join(dir, CONTENT_FILES.oitTopics), "{ not json");

    const error = loadError(dir);
    expect(error.code).toBe("INPUT_INVALID");
    const paths = error.details.map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "indicators.json:indicators.0.purpose",
        "indicators.json:indicators.1.extra",
        "indicator-recommendations.json:indicators.3",
        "suggested-measures.json:measures.0.id",
        "suggested-measures.json:measures.2.title",
        "national-context.json:rationale.0",
        "oit-recommendations.json",
      ]),
    );
    expect(error.details).toHaveLength(7);
    for (const d of error.details) {
      expect(d.th).toMatch(/[\u0E00-\u0E7F]/u);
      expect(d.en.length).toBeGreaterThan(0);
    }
  });

  it("checks references between files once each file is valid", () => {
    const dir = copyOfShipped();
    editJson(dir, CONTENT_FILES.measures, (d) => {
      const list = d.measures as { indicators: number[] }[];
      if (list[1]) list[1].indicators = [2, 11];
    });
    const error = loadError(dir);
    expect(error.details.map((d) => d.path)).toEqual([
      "suggested-measures.json:measures.1.indicators.1",
    ]);
  });

  it("treats a missing OIT recommendations file as empty but a missing required file as a problem", () => {
    const dir = copyOfShipped();
    rmSync(join(dir, CONTENT_FILES.oitTopics), { force: true });
    expect(loadContent(dir).oitTopics).toEqual({});
    rmSync(join(dir, CONTENT_FILES.measures));
    expect(loadError(dir).details).toEqual([
      expect.objectContaining({ path: "suggested-measures.json", en: "file not found" }),
    ]);
  });

  it("reads a valid OIT recommendations file", () => {
    const dir = copyOfShipped();
    writeFileSync(
      join(dir, CONTENT_FILES.oitTopics),
      JSON.stringify({ topics: { "complaint-guideline": { recommendation: "เผยแพร่คู่มือ" } } }),
    );
    expect(loadContent(dir).oitTopics["complaint-guideline"]?.recommendation).toBe("เผยแพร่คู่มือ");
  });
});
