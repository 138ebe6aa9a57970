import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { asc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { openDatabase } from "../server/db/database.ts";
import { agencies, assessments, measures } from "../server/db/schema.ts";
import { verifyAudit } from "../server/services/verify-audit.ts";

const bin = fileURLToPath(new URL("../../bin/prongsai.js", import.meta.url));
const example = fileURLToPath(new URL("../../examples/huai-sak-2566.yaml", import.meta.url));
const mismatch = fileURLToPath(
  new URL("../../tests/fixtures/huai-sak-2566-official-70.64.yaml", import.meta.url),
);

function load(dataDir: string, files: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(
      process.execPath,
      [bin, "load", ...files],
      { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" }, timeout: 120_000 },
      (error, stdout, stderr) =>
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("prongsai load", () => {
  let dir: string;
  let dataDir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "prongsai-load-"));
    dataDir = join(dir, "data");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("loads the Huai Sak example into the configured database, one line per file", async () => {
    const r = await load(dataDir, [example]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("เทศบาลตำบลห้วยสัก จังหวัดเชียงราย");
    expect(r.stdout).toContain("years 2565, 2566");
    expect(r.stdout).toContain("measures 4");
  });

  it("refuses a duplicate and bad files with every problem listed, loads the rest, exits 1", async () => {
    const other = parse(await readFile(example, "utf8"));
    other.agency.name = "เทศบาลตำบลดอยฮาง";
    const otherFile = join(dir, "doi-hang.yaml");
    await writeFile(otherFile, stringify(other));
    const bad = parse(await readFile(example, "utf8"));
    bad.agency.name = "เทศบาลตำบลผิดพลาด";
    bad.measures[0].responsible.push("กองที่ไม่มีอยู่");
    bad.measures[1].monitoring[0].date = "2567-03-31";
    const badFile = join(dir, "bad.yaml");
    await writeFile(badFile, stringify(bad));

    const r = await load(dataDir, [example, badFile, otherFile, mismatch]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("เทศบาลตำบลดอยฮาง");
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("Error [CONFLICT]");
    expect(r.stderr).toContain('มีหน่วยงาน "เทศบาลตำบลห้วยสัก" จังหวัดเชียงราย อยู่แล้ว');
    expect(r.stderr).toContain("measures.0.responsible.5");
    expect(r.stderr).toContain('"กองที่ไม่มีอยู่" is not one of agency.divisions');
    expect(r.stderr).toContain("measures.1.monitoring.0.date");
    expect(r.stderr).toContain("ไม่อยู่ในปีงบประมาณ พ.ศ. 2566");
    expect(r.stderr).toContain("Error [OFFICIAL_TOTAL_MISMATCH]");
    expect(r.stderr).toContain("3 จาก 4 ไฟล์นำเข้าไม่ได้ / 3 of 4 files failed");

    const database = await openDatabase({ dataDir });
    try {
      const { db } = database;
      const names = await db
        .select({ name: agencies.name })
        .from(agencies)
        .orderBy(asc(agencies.createdAt));
      expect(names.map((a) => a.name)).toEqual(["เทศบาลตำบลห้วยสัก", "เทศบาลตำบลดอยฮาง"]);
      expect(await db.select().from(assessments)).toHaveLength(4);
      expect(await db.select().from(measures)).toHaveLength(8);
      expect((await verifyAudit({ db })).problems).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
