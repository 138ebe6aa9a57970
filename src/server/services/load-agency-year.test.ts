import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseAgencyYear } from "../../domain/agency-year/parse-agency-year.ts";
import type { AgencyYearFile } from "../../domain/agency-year/schema.ts";
import { loadFrameworks } from "../../domain/framework/load-frameworks.ts";
import type { Database } from "../db/database.ts";
import { agencies, assessments, auditLog, measures, results } from "../db/schema.ts";
import { engines, freshDatabase } from "../test-databases.ts";
import { loadAgencyYear } from "./load-agency-year.ts";
import { loadMeasuresInput } from "./load-measures-input.ts";
import { verifyAudit } from "./verify-audit.ts";

const frameworks = loadFrameworks();
const read = (path: string) =>
  parse(readFileSync(fileURLToPath(new URL(path, import.meta.url)), "utf8"));
const example = () => read("../../../examples/huai-sak-2566.yaml");

/** The example under another agency name, with what a test is about changed. */
function variant(name: string, change: (file: AgencyYearFile) => void = () => {}) {
  const file: AgencyYearFile = example();
  file.agency.name = name;
  change(file);
  return parseAgencyYear(file, frameworks);
}

// 2564 indicators that give 73.33 (C); the hand-made file claims 75.00 (B) for them.
const indicators2564 = {
  1: 88.7,
  2: 88.2,
  3: 88.1,
  4: 90.7,
  5: 79.8,
  6: 70,
  7: 64.7,
  8: 64.5,
  9: 69.8,
  10: 66.6,
};

describe.each(engines)("loadAgencyYear on %s", (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(engine);
  });
  afterAll(() => database?.close());

  const totals = async () => {
    const { db } = database;
    const [a] = await db.select({ n: count() }).from(agencies);
    const [s] = await db.select({ n: count() }).from(assessments);
    const [l] = await db.select({ n: count() }).from(auditLog);
    return [a?.n, s?.n, l?.n];
  };

  it("stores the Huai Sak example: the 2565 result, the 2566 year with its thresholds and four measures", async () => {
    const { db } = database;
    const file = parseAgencyYear(example(), frameworks);
    const loaded = await loadAgencyYear({ db, frameworks, actor: "loader", file });
    expect(loaded.assessments.map((a) => [a.fiscalYear, a.frameworkId, a.result])).toEqual([
      [2565, "ita-2565", true],
      [2566, "ita-2566", false],
    ]);
    const [result] = await db
      .select()
      .from(results)
      .where(eq(results.assessmentId, loaded.assessments[0]?.id ?? ""));
    expect(result?.source).toBe("imported");
    expect(result?.computedOverall).toBeCloseTo(78.33, 2);
    expect(result?.computedLevel).toBe("B");
    expect([result?.officialOverall, result?.discrepancy]).toEqual([null, null]);
    const [year] = await db
      .select()
      .from(assessments)
      .where(eq(assessments.id, loaded.assessmentId));
    expect(year?.thresholds).toEqual({ strength: 80, weakness: 70 });
    expect(year?.approvedOn).toBeNull();
    const rows = await db
      .select()
      .from(measures)
      .where(eq(measures.assessmentId, loaded.assessmentId))
      .orderBy(asc(measures.position));
    expect(rows.map((m) => m.id)).toEqual(loaded.measureIds);
    expect(rows.map((m) => m.position)).toEqual([1, 2, 3, 4]);
    expect(rows[1]).toMatchObject({
      title: expect.stringContaining("เจตจำนงสุจริต"),
      responsible: ["สำนักปลัดเทศบาล"],
      indicators: [10],
      oitItems: ["o34", "o36", "o37", "o38", "o39"],
      // 31 March 2566 (Buddhist Era) is stored as the Gregorian day.
      monitoring: [{ date: "2023-03-31", activity: "รายงานความก้าวหน้าและสรุปผล" }],
      startDate: "2022-10-01",
      dueDate: "2023-03-31",
      status: "planned",
      progress: 0,
    });
    const actions = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.agencyId, loaded.agencyId))
      .orderBy(asc(auditLog.seq));
    expect(actions.map((a) => a.action)).toEqual([
      "agency.create",
      "assessment.open",
      "result.import",
      "assessment.open",
      ...Array(4).fill("measure.create"),
    ]);
    expect((await verifyAudit({ db })).problems).toEqual([]);
    // What was loaded is what the measures document is built from.
    const { year: rebuilt } = await loadMeasuresInput({
      db,
      frameworks,
      agencyId: loaded.agencyId,
      assessmentId: loaded.assessmentId,
    });
    expect(rebuilt.result.overall).toBeCloseTo(78.33, 2);
    expect(rebuilt.measures).toHaveLength(4);
  });

  it("keeps earlier years with every indicator, flags their official discrepancy and skips the rest", async () => {
    const { db } = database;
    const file = variant("เทศบาลตำบลประวัติ", (f) => {
      f.history = [
        { fiscalYear: 2563, overall: 70.1, level: "C" },
        { fiscalYear: 2564, overall: 75, level: "B", indicators: indicators2564 },
        { fiscalYear: 2562, indicators: indicators2564 },
      ];
      f.approval = { signatory: { position: "นายกเทศมนตรี" }, date: "2566-01-15" };
    });
    const loaded = await loadAgencyYear({ db, frameworks, actor: "loader", file });
    // 2563 has no indicators and 2562 has no framework: neither is created.
    expect(loaded.assessments.map((a) => [a.fiscalYear, a.result])).toEqual([
      [2564, true],
      [2565, true],
      [2566, false],
    ]);
    const [earlier] = await db
      .select()
      .from(results)
      .where(eq(results.assessmentId, loaded.assessments[0]?.id ?? ""));
    expect(earlier?.computedOverall).toBeCloseTo(73.33, 2);
    expect(earlier?.computedLevel).toBe("C");
    expect([earlier?.officialOverall, earlier?.officialLevel]).toEqual([75, "B"]);
    expect(earlier?.discrepancy).toBeCloseTo(1.67, 2);
    const [year] = await db
      .select({ approvedOn: assessments.approvedOn })
      .from(assessments)
      .where(eq(assessments.id, loaded.assessmentId));
    expect(year?.approvedOn).toBe("2023-01-15");
  });

  it("gives the measures' year the latest earlier framework when its own is not published", async () => {
    const { db } = database;
    const file = variant("เทศบาลตำบลอนาคต", (f) => {
      f.fiscalYear = 2569;
      f.results = { ...f.results, fiscalYear: 2568, framework: "ita-2568" };
      for (const m of f.measures) {
        m.monitoring = [{ date: "2026-03-31", activity: "รายงานรอบ 6 เดือน" }];
        m.oitItems = [];
      }
    });
    const loaded = await loadAgencyYear({ db, frameworks, actor: "loader", file });
    expect(loaded.assessments.map((a) => [a.fiscalYear, a.frameworkId])).toEqual([
      [2568, "ita-2568"],
      [2569, "ita-2568"],
    ]);
    const [first] = await db
      .select()
      .from(measures)
      .where(eq(measures.id, loaded.measureIds[0] ?? ""));
    expect([first?.startDate, first?.dueDate]).toEqual(["2025-10-01", "2026-03-31"]);
  });

  it("refuses an agency already registered in the same province, in Thai, writing nothing", async () => {
    const { db } = database;
    await loadAgencyYear({ db, frameworks, actor: "loader", file: variant("เทศบาลตำบลซ้ำ") });
    const before = await totals();
    await expect(
      loadAgencyYear({ db, frameworks, actor: "loader", file: variant("เทศบาลตำบลซ้ำ") }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: expect.stringContaining('มีหน่วยงาน "เทศบาลตำบลซ้ำ" จังหวัดเชียงราย อยู่แล้ว'),
    });
    expect(await totals()).toEqual(before);
    // The same name in another province is another agency.
    const elsewhere = variant("เทศบาลตำบลซ้ำ", (f) => {
      f.agency.province = "เชียงใหม่";
    });
    await expect(
      loadAgencyYear({ db, frameworks, actor: "loader", file: elsewhere }),
    ).resolves.toMatchObject({ measureIds: expect.any(Array) });
  });

  it("refuses an earlier year's level that its framework does not have, writing nothing", async () => {
    const file = variant("เทศบาลตำบลระดับผิด", (f) => {
      f.history = [{ fiscalYear: 2564, overall: 73.33, level: "ผ่าน", indicators: indicators2564 }];
    });
    const before = await totals();
    await expect(
      loadAgencyYear({ db: database.db, frameworks, actor: "loader", file }),
    ).rejects.toMatchObject({
      code: "INPUT_INVALID",
      details: [expect.objectContaining({ path: "history.0.level" })],
    });
    expect(await totals()).toEqual(before);
  });

  it("never gets a file whose official total contradicts its indicators: parsing refuses it", () => {
    expect(() =>
      parseAgencyYear(
        read("../../../tests/fixtures/huai-sak-2566-official-70.64.yaml"),
        frameworks,
      ),
    ).toThrow(expect.objectContaining({ code: "OFFICIAL_TOTAL_MISMATCH" }));
  });
});
