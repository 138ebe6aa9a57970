import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadFrameworks } from "../domain/framework/load-frameworks.ts";
import { pointTable } from "../domain/scoring/survey-scores.ts";
import { scoredItems } from "../domain/scoring/tallies.ts";

// The real `prongsai` bin, run as a user runs it.
const bin = fileURLToPath(new URL("../../bin/prongsai.js", import.meta.url));
const root = fileURLToPath(new URL("../../", import.meta.url));

function prongsai(args: string[], cwd = root) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "prongsai-cli-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const huaiSak = "93.7,93.2,93.1,95.7,84.8,75.0,69.7,69.5,74.8,71.6";

describe("prongsai score", () => {
  it("prints exactly one JSON object with the official total for the Huai Sak indicators", async () => {
    const r = await prongsai([
      "score",
      "--framework",
      "ita-2566",
      "--indicators",
      huaiSak,
      "--json",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({
      framework: "ita-2566",
      overall: 78.33,
      level: "B",
      rating: "ต้องปรับปรุง",
      tools: { IIT: 92.1, EIT: 71.4, OIT: 73.2 },
    });
    expect(json.indicators).toHaveLength(10);
    expect(json.indicators[6]).toEqual({
      number: 7,
      name: "ประสิทธิภาพการสื่อสาร",
      tool: "EIT",
      score: 69.7,
    });
  });

  it("scores raw answers through tallies", async () => {
    const framework = loadFrameworks().get("ita-2566");
    if (!framework) throw new Error("ita-2566 is shipped");
    // One respondent per tool choosing the most favourable option everywhere, all items published.
    const best = (tool: string) => {
      const answers: Record<string, string[]> = {};
      const items = scoredItems(framework);
      for (const q of framework.questions) {
        if (framework.indicators.find((i) => i.number === q.indicator)?.tool !== tool) continue;
        const scale = framework.scales.find((s) => s.id === q.scale);
        if (!scale) throw new Error(`scale ${q.scale}`);
        const ids = q.subItems.length > 0 ? q.subItems.map((s) => s.id) : [q.id];
        answers[q.id] = ids.map((id) => {
          const table = [...pointTable(scale, items.get(id)?.reverse ?? false)];
          return table.sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
        });
      }
      return { tool, answers };
    };
    const oit = Object.fromEntries(
      framework.oit.flatMap((s) => s.items).map((item) => [item.id, "pass"]),
    );
    const file = join(dir, "answers.yaml");
    await writeFile(
      file,
      stringify({ framework: "ita-2566", responses: [best("IIT"), best("EIT")], oit }),
    );
    const r = await prongsai(["score", "--framework", "ita-2566", "--answers", file, "--json"]);
    expect(r.stderr).toBe("");
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ overall: 100, level: "AA", rating: "ผ่านดีเยี่ยม" });
    expect(json.respondents).toEqual({ IIT: 1, EIT: 1 });
  });

  it("explains bad input in Thai and English and exits non-zero", async () => {
    const r = await prongsai(["score", "--framework", "ita-2566", "--indicators", "93.7,abc"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("--indicators ต้องเป็นคะแนน 10 ค่า");
    expect(r.stderr).toContain("needs 10 numbers");
    const unknown = await prongsai(["score", "--framework", "ita-2499", "--indicators", huaiSak]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("ita-2566");
  });
});

describe("prongsai validate and report", () => {
  it("accepts the Huai Sak example", async () => {
    const r = await prongsai(["validate", "examples/huai-sak-2566.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("78.33 B");
  });

  it("refuses the hand-written total, naming both numbers", async () => {
    const r = await prongsai(["validate", "tests/fixtures/huai-sak-2566-official-70.64.yaml"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("OFFICIAL_TOTAL_MISMATCH");
    expect(r.stderr).toMatch(/70\.64[\s\S]*78\.33/);
  });

  it("lists the loaded frameworks", async () => {
    const r = await prongsai(["frameworks", "--json"]);
    const ids = JSON.parse(r.stdout).map((f: { id: string }) => f.id);
    expect(ids).toEqual(["ita-2564", "ita-2565", "ita-2566", "ita-2567", "ita-2568"]);
  });

  it("example writes the Huai Sak document in three formats into ./out", async () => {
    const cwd = await mkdtemp(join(dir, "example-"));
    const r = await prongsai(["example"], cwd);
    expect(r.code).toBe(0);
    expect((await readdir(join(cwd, "out"))).sort()).toEqual([
      "huai-sak-2566.docx",
      "huai-sak-2566.html",
      "huai-sak-2566.pdf",
    ]);
    expect(r.stdout).toContain(join(cwd, "out", "huai-sak-2566.pdf"));
  });

  it("writes many agencies at once and reports the files it could not use", async () => {
    const out = join(dir, "many");
    const second = join(dir, "huai-sak-copy.yaml");
    await writeFile(second, await readFile(join(root, "examples/huai-sak-2566.yaml")));
    const r = await prongsai([
      "report",
      "examples/huai-sak-2566.yaml",
      second,
      "tests/fixtures/huai-sak-2566-official-70.64.yaml",
      "--out",
      out,
      "--format",
      "docx,html",
    ]);
    expect(r.code).toBe(1);
    expect((await readdir(out)).sort()).toEqual([
      "huai-sak-2566.docx",
      "huai-sak-2566.html",
      "huai-sak-copy.docx",
      "huai-sak-copy.html",
    ]);
    expect(r.stderr).toContain("huai-sak-2566-official-70.64.yaml");
    expect(r.stderr).toContain("OFFICIAL_TOTAL_MISMATCH");
    expect(r.stderr).toContain("1 of 3 files failed");
  });

  it("refuses an unknown format without writing anything", async () => {
    const out = join(dir, "bad-format");
    const r = await prongsai([
      "report",
      "examples/huai-sak-2566.yaml",
      "--out",
      out,
      "--format",
      "odt",
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("รูปแบบเอกสารไม่ถูกต้อง");
    await expect(readdir(out)).rejects.toThrow();
  });
});
