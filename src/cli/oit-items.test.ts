import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFrameworks } from "../domain/framework/load-frameworks.ts";
import { oitItemSheetRows } from "../domain/framework/oit-item-sheet-rows.ts";
import { parseFramework } from "../domain/framework/parse-framework.ts";

// The real `prongsai` bin reading real XLSX files, as the national office runs it.
const bin = fileURLToPath(new URL("../../bin/prongsai.js", import.meta.url));
const root = fileURLToPath(new URL("../../", import.meta.url));
const example = fileURLToPath(new URL("../../examples/oit-items-2568.xlsx", import.meta.url));
const frameworks = loadFrameworks();

function prongsai(args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    // The reader's temporary files (exceljs buffers a sheet stored before its strings) stay in
    // this test's own folder, out of reach of anything else cleaning the shared temporary folder.
    const env = { ...process.env, TMPDIR: dir };
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: root, env, timeout: 120_000 },
      (e, out, err) => resolve({ code: e ? Number(e.code ?? 1) : 0, stdout: out, stderr: err }),
    );
  });
}

async function writeXlsx(path: string, rows: (string | null)[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("OIT");
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(path);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "prongsai-oit-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const args = (file: string, out: string) => [
  "oit-items",
  "import",
  file,
  "--base",
  "ita-2567",
  "--id",
  "ita-2569",
  "--fiscal-year",
  "2569",
  "--out",
  out,
];

describe("prongsai oit-items import", () => {
  it("rebuilds ita-2567's list from an XLSX of it, every item mapped to itself", async () => {
    const base = frameworks.get("ita-2567");
    if (!base) throw new Error("ita-2567 is shipped");
    const file = join(dir, "oit-2567.xlsx");
    await writeXlsx(file, oitItemSheetRows(base));
    const out = join(dir, "round-trip.json");
    const r = await prongsai(args(file, out));
    expect(r.stderr).toBe("");
    expect(r.code, r.stderr).toBe(0);
    const written = parseFramework(JSON.parse(await readFile(out, "utf8")), "round-trip.json");
    expect(written.oit).toEqual(base.oit);
    expect(written.questions).toEqual(base.questions);
    expect(written.previous?.framework).toBe("ita-2567");
    expect(Object.values(written.previous?.oitItems ?? {})).toHaveLength(43);
  });

  it("turns the example FY2568 list into ita-2568's items and prints what changed", async () => {
    const out = join(dir, "from-example.json");
    const r = await prongsai(args(example, out));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("26 ข้อ / 26 items");
    expect(r.stdout).toContain("ยกเลิก / dropped: 10");
    expect(r.stdout).toContain("O39 10.2→O16 9.4");
    expect(r.stdout).toContain("O19+O20+O21→O12");
    const written = JSON.parse(await readFile(out, "utf8"));
    expect(written.oit).toEqual(frameworks.get("ita-2568")?.oit);
    expect(written.previous.oitItems).toMatchObject({ O3: "O1", O42: null, O40: "O16" });
    expect(Object.keys(written)[0]).toBe("$schema");
  });

  it("reads the same list as CSV, and writes nothing on a dry run", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(example);
    const csv = join(dir, "oit-2568.csv");
    await workbook.csv.writeFile(csv, { sheetId: workbook.worksheets[0]?.id });
    const out = join(dir, "dry.json");
    const r = await prongsai([...args(csv, out), "--dry-run"]);
    expect(r.stdout).toContain("26 ข้อ / 26 items");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Dry run");
    expect(existsSync(out)).toBe(false);
  });

  it("exits 1 listing every problem by row and column, and writes nothing", async () => {
    const base = frameworks.get("ita-2567");
    if (!base) throw new Error("ita-2567 is shipped");
    const rows = oitItemSheetRows(base);
    const header = rows[0] ?? [];
    const col = (name: string) => header.indexOf(name);
    const set = (row: number, name: string, value: string | null) => {
      const cells = rows[row - 1];
      if (cells) cells[col(name)] = value;
    };
    set(2, "ข้อเดิม", "O99");
    set(3, "ปีของข้อมูล", "ปีหน้า");
    set(4, "หัวข้อ", "Mandate");
    const file = join(dir, "broken.xlsx");
    await writeXlsx(file, rows);
    const out = join(dir, "broken.json");
    const r = await prongsai(args(file, out));
    expect(r.code).toBe(1);
    for (const expected of [
      "row 2 / ข้อเดิม",
      "ita-2567 has no item O99",
      "row 3 / ปีของข้อมูล",
      "row 4 / หัวข้อ",
      "ita-2567 O1 (structure) is neither mapped nor dropped",
      "ไม่ได้สร้างกรอบการประเมินใหม่",
    ])
      expect(r.stderr).toContain(expected);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses to replace a framework that exists", async () => {
    const r = await prongsai([
      "oit-items",
      "import",
      example,
      "--base",
      "ita-2567",
      "--id",
      "ita-2568",
      "--fiscal-year",
      "2568",
      "--dry-run",
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("CONFLICT");
    expect(r.stderr).toContain("ita-2568");
  });
});
