import { execFile, spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../domain/content/load-content.ts";
import { loadFrameworks } from "../domain/framework/load-frameworks.ts";
import { openDatabase } from "../server/db/database.ts";
import { loadSyntheticAgencies } from "../server/test-bulk-agencies.ts";
import { freshPostgresUrl } from "../server/test-databases.ts";

const bin = fileURLToPath(new URL("../../bin/prongsai.js", import.meta.url));
const agencies = 12;

function bulk(url: string, ...args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(
      process.execPath,
      [bin, "documents", "bulk", ...args],
      { env: { ...process.env, DATABASE_URL: url }, timeout: 170_000 },
      (error, stdout, stderr) =>
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Agency id → stored versions of its fiscal-year-2566 measures document. */
async function versionsPerAgency(url: string): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ agency_id: string; versions: number }>(
      `select d.agency_id, count(*)::int as versions from documents d
         join assessments a on a.agency_id = d.agency_id and a.id = d.assessment_id
        where a.fiscal_year = 2566 and d.kind = 'measures' group by d.agency_id`,
    );
    return new Map(rows.map((r) => [r.agency_id, r.versions]));
  } finally {
    await client.end();
  }
}

const count = (line: string, stdout: string) =>
  Number(new RegExp(`${line}: (\\d+)`).exec(stdout)?.[1] ?? Number.NaN);

describe("prongsai documents bulk", () => {
  let url: string;
  let out: string;
  let agencyIds: string[];
  beforeAll(async () => {
    url = await freshPostgresUrl();
    out = await mkdtemp(join(tmpdir(), "prongsai-bulk-"));
    const database = await openDatabase({ url });
    try {
      await database.migrate();
      const loaded = await loadSyntheticAgencies({
        db: database.db,
        frameworks: loadFrameworks(),
        content: loadContent(),
        first: 0,
        count: agencies,
      });
      agencyIds = loaded.map((l) => l.agencyId);
    } finally {
      await database.close();
    }
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it("refuses a fiscal year that is not one, saying what to give", async () => {
    const result = await bulk(url, "--fiscal-year", "68");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ต้องเป็นจำนวนเต็มตั้งแต่ 2500 ถึง 2700");
    expect(await versionsPerAgency(url)).toEqual(new Map());
  });

  it("resumes after being killed: finished agencies are skipped, each ends with one version", async () => {
    const child = spawn(
      process.execPath,
      [bin, "documents", "bulk", "--fiscal-year", "2566", "--out", out, "--concurrency", "1"],
      { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" },
    );
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    let stored = 0;
    // Killed as soon as the first documents are stored, the rest still to do.
    for (let i = 0; i < 1200 && stored === 0 && child.exitCode === null; i++) {
      await new Promise((r) => setTimeout(r, 100));
      stored = (await versionsPerAgency(url)).size;
    }
    child.kill("SIGKILL");
    await exited;
    const beforeKill = await versionsPerAgency(url);
    expect(beforeKill.size).toBeGreaterThan(0);
    expect(beforeKill.size).toBeLessThan(agencies);
    expect([...beforeKill.values()].every((v) => v === 1)).toBe(true);

    const resumed = await bulk(url, "--fiscal-year", "2566", "--out", out);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(count("skipped, already built from the current data", resumed.stdout)).toBe(
      beforeKill.size,
    );
    expect(count("built", resumed.stdout)).toBe(agencies - beforeKill.size);
    expect(resumed.stderr).toContain(`${agencies}/${agencies}`);

    const after = await versionsPerAgency(url);
    expect([...after.keys()].sort()).toEqual([...agencyIds].sort());
    expect([...after.values()].every((v) => v === 1)).toBe(true);
    // One whole DOCX per agency in the folder, none left half written by the kill.
    const files = (await readdir(out)).sort();
    expect(files.filter((f) => f.endsWith(".part"))).toEqual([]);
    expect(files).toHaveLength(agencies);
    for (const id of agencyIds)
      expect(files.some((f) => f.endsWith(`-2566-${id}.docx`))).toBe(true);
    expect(files.every((f) => f.startsWith("มาตรการ-เทศบาลตำบลตัวอย่างที่-"))).toBe(true);
    for (const f of files)
      expect((await readFile(join(out, f))).subarray(0, 2).toString()).toBe("PK");
  });
});
