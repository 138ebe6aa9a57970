import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { agencyTypes } from "../agency-year/schema.ts";
import { DomainError } from "../errors.ts";
import { defaultContentDir } from "./load-content.ts";
import { loadNationalReference, PROVINCES_FILE } from "./national-reference.ts";

describe("the national reference data", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("lists the 77 provinces once each, every one in one of the six regions", () => {
    const { regions, provinces, types } = loadNationalReference();
    expect(provinces).toHaveLength(77);
    expect(new Set(provinces.map((p) => p.th)).size).toBe(77);
    expect(regions.map((r) => r.id).sort()).toEqual(
      ["central", "east", "north", "northeast", "south", "west"].sort(),
    );
    expect(provinces.find((p) => p.th === "เชียงราย")?.region).toBe("north");
    // The kinds are exactly those an agency can be registered as.
    expect(types.map((t) => t.th).sort()).toEqual([...agencyTypes].sort());
    // The usual counts add up to about the number of agencies ITA assesses each year.
    const total = types.reduce((s, t) => s + t.typicalCount, 0);
    expect(total).toBeGreaterThan(8000);
    expect(total).toBeLessThan(8600);
  });

  it("names every problem of a broken file by its path", () => {
    const dir = mkdtempSync(join(tmpdir(), "reference-"));
    dirs.push(dir);
    cpSync(defaultContentDir(), dir, { recursive: true });
    const file = JSON.parse(readFileSync(join(dir, PROVINCES_FILE), "utf8"));
    file.provinces[1].region = "atlantis";
    file.provinces[2].th = file.provinces[0].th;
    writeFileSync(join(dir, PROVINCES_FILE), JSON.stringify(file));
    let error: unknown;
    try {
      loadNationalReference(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    const paths = (error as DomainError).details.map((d) => d.path);
    expect(paths).toEqual(["provinces.json:provinces.1.region", "provinces.json:provinces.2.th"]);
  });
});
