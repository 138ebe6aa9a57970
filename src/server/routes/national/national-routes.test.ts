import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { agencies, assessments, NATIONAL_SCOPE, results } from "../../db/schema.ts";
import { createAgency } from "../../services/create-agency.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { buildAgency } from "../../test-factories.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";

const north = "เชียงราย";
const south = "ภูเก็ต";
const town = "เทศบาลตำบล";
const sao = "องค์การบริหารส่วนตำบล";

interface Fixture {
  name: string;
  province: string;
  type: typeof town | typeof sao;
  /** Total and level in 2567, total in 2566; undefined: no result that year. */
  y67?: { total: number; level: string; indicators: Record<string, number> };
  y66?: number;
}

// Totals chosen so every figure below can be worked out by hand (pass mark 85, target 80 %).
const fixtures: Fixture[] = [
  {
    name: "หน่วยหนึ่ง",
    province: north,
    type: town,
    y67: { total: 96, level: "AA", indicators: { "1": 90, "2": 50 } },
    y66: 90,
  },
  {
    name: "หน่วยสอง",
    province: north,
    type: sao,
    y67: { total: 85, level: "A", indicators: { "1": 80, "2": 61 } },
    y66: 88.5,
  },
  {
    name: "หน่วยสาม",
    province: north,
    type: town,
    y67: { total: 72.5, level: "C", indicators: { "1": 70 } },
  },
  {
    name: "หน่วยสี่",
    province: south,
    type: sao,
    y67: { total: 60, level: "D", indicators: { "1": 60 } },
    y66: 80,
  },
  {
    name: "หน่วยห้า",
    province: south,
    type: town,
    y67: { total: 99.5, level: "AA", indicators: { "1": 100 } },
    y66: 95,
  },
  // Opened for 2567 without a result yet: counted in the filter, not in the figures.
  { name: "หน่วยหก", province: south, type: sao, y66: 50 },
];

describe.each(engines)("national overview on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let national: Browser;
  const ids = new Map<string, string>();

  const overview = (query: string, who: Browser = national) =>
    app.inject({ url: `/api/national/overview?${query}`, ...who });

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({ config: { LOG_LEVEL: "silent" }, database });
    const { db } = database;
    for (const f of fixtures) {
      const agency = buildAgency({ name: f.name, province: f.province, type: f.type });
      const { id: agencyId } = await createAgency({ db, actor: "test", agency });
      ids.set(f.name, agencyId);
      const [y66, y67] = await db
        .insert(assessments)
        .values([
          { agencyId, fiscalYear: 2566, frameworkId: "ita-2566" },
          { agencyId, fiscalYear: 2567, frameworkId: "ita-2567" },
        ])
        .returning({ id: assessments.id });
      if (!y66 || !y67) throw new Error("no assessments");
      const result = (assessmentId: string, total: number, level: string, indicators = {}) => ({
        agencyId,
        assessmentId,
        source: "entered" as const,
        indicators,
        computedOverall: total,
        computedLevel: level,
        updatedBy: "test",
      });
      if (f.y67)
        await db.insert(results).values(result(y67.id, f.y67.total, f.y67.level, f.y67.indicators));
      if (f.y66 !== undefined) await db.insert(results).values(result(y66.id, f.y66, "B"));
    }
    national = await signInAs(app, database, [
      { agencyId: NATIONAL_SCOPE, role: "national_admin" },
    ]);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("gives the year's figures against the national target", async () => {
    const response = await overview("fiscalYear=2567");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.fiscalYear).toBe(2567);
    expect(body.previousFiscalYear).toBe(2566);
    expect(body.target).toEqual({ passMark: 85, shareOfAgencies: 80 });
    expect(body.framework.id).toBe("ita-2567");
    expect(body.agencies).toEqual({ inFilter: 6, withResults: 5 });
    // (96 + 85 + 72.5 + 60 + 99.5) / 5; 85 exactly passes; 3 of 5 is short of 80 %.
    expect(body.mean).toBe(82.6);
    expect(body.pass).toEqual({ count: 3, rate: 60, targetMet: false });
    expect(body.histogram).toHaveLength(20);
    const bins = body.histogram.filter((b: { count: number }) => b.count > 0);
    expect(bins).toEqual([
      { from: 60, to: 65, count: 1 },
      { from: 70, to: 75, count: 1 },
      { from: 85, to: 90, count: 1 },
      { from: 95, to: 100, count: 2 },
    ]);
    expect(body.levels.map((l: { id: string; count: number }) => [l.id, l.count])).toEqual([
      ["AA", 2],
      ["A", 1],
      ["B", 0],
      ["C", 1],
      ["D", 1],
      ["E", 0],
      ["F", 0],
    ]);
    expect(body.indicators).toHaveLength(10);
    expect(body.indicators[0]).toMatchObject({ number: 1, mean: 80, count: 5 });
    expect(body.indicators[1]).toMatchObject({ number: 2, mean: 55.5, count: 2 });
    expect(body.indicators[2]).toMatchObject({ number: 3, mean: null, count: 0 });
    expect(body.indicators[0].name.th).toBe("การปฏิบัติหน้าที่");
    expect(body.byRegion).toEqual([
      { key: "north", count: 3, mean: 84.5, passCount: 2, passRate: 66.67 },
      { key: "south", count: 2, mean: 79.75, passCount: 1, passRate: 50 },
    ]);
    expect(body.byProvince.map((p: { key: string }) => p.key)).toEqual([north, south]);
    expect(body.byType).toEqual([
      { key: town, count: 3, mean: 89.33, passCount: 2, passRate: 66.67 },
      { key: sao, count: 2, mean: 72.5, passCount: 1, passRate: 50 },
    ]);
    const moved = (list: { name: string; change: number; previousTotal: number }[]) =>
      list.map((m) => [m.name, m.previousTotal, m.change]);
    expect(moved(body.movers.risers)).toEqual([
      ["หน่วยหนึ่ง", 90, 6],
      ["หน่วยห้า", 95, 4.5],
    ]);
    expect(moved(body.movers.fallers)).toEqual([
      ["หน่วยสี่", 80, -20],
      ["หน่วยสอง", 88.5, -3.5],
    ]);
    expect(body.list.total).toBe(5);
    expect(body.list.items[0]).toEqual({
      agencyId: ids.get("หน่วยห้า"),
      name: "หน่วยห้า",
      type: town,
      province: south,
      total: 99.5,
      level: "AA",
      previousTotal: 95,
      change: 4.5,
    });
    expect(body.choices.years).toEqual([2567, 2566]);
    expect(body.choices.regions.length).toBeGreaterThan(1);
  });

  it("filters by region, province and kind of agency", async () => {
    const southOnly = (await overview("fiscalYear=2567&region=south")).json();
    expect(southOnly.agencies).toEqual({ inFilter: 3, withResults: 2 });
    expect(southOnly.mean).toBe(79.75);
    expect(southOnly.pass).toEqual({ count: 1, rate: 50, targetMet: false });
    expect(southOnly.byRegion.map((r: { key: string }) => r.key)).toEqual(["south"]);

    const towns = (
      await overview(
        `fiscalYear=2567&province=${encodeURIComponent(north)}&type=${encodeURIComponent(town)}`,
      )
    ).json();
    expect(towns.agencies).toEqual({ inFilter: 2, withResults: 2 });
    expect(towns.mean).toBe(84.25);
    expect(towns.list.items.map((i: { name: string }) => i.name)).toEqual(["หน่วยหนึ่ง", "หน่วยสาม"]);

    // A province outside the chosen region leaves nobody, not an error.
    const none = (
      await overview(`fiscalYear=2567&region=north&province=${encodeURIComponent(south)}`)
    ).json();
    expect(none.agencies).toEqual({ inFilter: 0, withResults: 0 });
    expect(none.mean).toBeNull();
    expect(none.pass).toEqual({ count: 0, rate: null, targetMet: null });
  });

  it("pages, sorts and searches the agency list", async () => {
    const ascending = (await overview("fiscalYear=2567&sort=total-asc&pageSize=2&page=2")).json();
    expect(ascending.list).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(ascending.list.items.map((i: { total: number }) => i.total)).toEqual([85, 96]);
    const found = (await overview(`fiscalYear=2567&q=${encodeURIComponent("สาม")}`)).json();
    expect(found.list.total).toBe(1);
    expect(found.list.items[0]).toMatchObject({
      name: "หน่วยสาม",
      previousTotal: null,
      change: null,
    });
    // The search narrows the list only, never the figures; a LIKE wildcard is taken literally.
    expect(found.agencies.withResults).toBe(5);
    expect((await overview("fiscalYear=2567&q=%25")).json().list.total).toBe(0);
  });

  it("answers a year without results with empty figures", async () => {
    const body = (await overview("fiscalYear=2568")).json();
    expect(body.agencies.withResults).toBe(0);
    expect(body.mean).toBeNull();
    expect(body.histogram.every((b: { count: number }) => b.count === 0)).toBe(true);
    expect(body.movers).toEqual({ risers: [], fallers: [] });
    expect(body.framework.id).toBe("ita-2568");
  });

  it("lets auditors read it, and refuses every other agency role and strangers", async () => {
    const agencyId = ids.get("หน่วยหนึ่ง") ?? "";
    const auditor = await signInAs(app, database, [{ agencyId, role: "auditor" }]);
    expect((await overview("fiscalYear=2567", auditor)).statusCode).toBe(200);
    for (const role of ["agency_admin", "division_officer", "evaluator"] as const) {
      const person = await signInAs(app, database, [
        { agencyId, role, division: role === "division_officer" ? "กองคลัง" : undefined },
      ]);
      const refused = await overview("fiscalYear=2567", person);
      expect(refused.statusCode, role).toBe(403);
      expect(refused.json().error.code).toBe("FORBIDDEN");
    }
    expect((await app.inject({ url: "/api/national/overview?fiscalYear=2567" })).statusCode).toBe(
      401,
    );
  });

  it("lists every problem of a bad query in Thai and English", async () => {
    const bad = await overview("fiscalYear=abc&region=mars&type=x&sort=name&pageSize=0&page=-1");
    expect(bad.statusCode).toBe(400);
    const details: { path: string; th: string; en: string }[] = bad.json().error.details;
    expect(details.map((d) => d.path).sort()).toEqual([
      "querystring.fiscalYear",
      "querystring.page",
      "querystring.pageSize",
      "querystring.region",
      "querystring.sort",
      "querystring.type",
    ]);
    for (const d of details) {
      expect(d.th).toMatch(/[\u0E00-\u0E7F]/);
      expect(d.en).toMatch(/[a-z]/);
    }
    expect((await overview("")).json().error.details.map((d: { path: string }) => d.path)).toEqual([
      "querystring.fiscalYear",
    ]);
  });

  // The figures are kept between requests; any committed change must be seen at once.
  it("answers from the changed data after a result or an agency changes", async () => {
    const { db } = database;
    const third = ids.get("หน่วยสาม") ?? "";
    const mean = async () => (await overview("fiscalYear=2567")).json().mean;
    const y67Result = sql`${results.assessmentId} in
      (select id from assessments where fiscal_year = 2567 and agency_id = ${third})`;
    expect(await mean()).toBe(82.6);
    await db.update(results).set({ computedOverall: 92.5 }).where(y67Result);
    // (96 + 85 + 92.5 + 60 + 99.5) / 5
    expect(await mean()).toBe(86.6);
    await db.update(agencies).set({ name: "หน่วยสามใหม่" }).where(eq(agencies.id, third));
    const names = (await overview("fiscalYear=2567"))
      .json()
      .list.items.map((i: { name: string }) => i.name);
    expect(names).toContain("หน่วยสามใหม่");
    await db.update(agencies).set({ name: "หน่วยสาม" }).where(eq(agencies.id, third));
    await db.update(results).set({ computedOverall: 72.5 }).where(y67Result);
    expect(await mean()).toBe(82.6);
  });

  // A transaction that began before another but commits after it still changes the answer.
  // PGlite has one connection, so two transactions cannot overlap there.
  if (engine === "postgres")
    it("sees a change committed after a later one was already answered", async () => {
      const { db } = database;
      const resultOf = (name: string) => sql`${results.assessmentId} in
        (select id from assessments where fiscal_year = 2567 and agency_id = ${ids.get(name) ?? ""})`;
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let updated = () => {};
      const firstWritten = new Promise<void>((resolve) => {
        updated = resolve;
      });
      const early = db.transaction(async (tx) => {
        await tx.update(results).set({ computedOverall: 80 }).where(resultOf("หน่วยสี่"));
        updated();
        await held;
      });
      await firstWritten;
      await db.update(results).set({ computedOverall: 95 }).where(resultOf("หน่วยหนึ่ง"));
      // (95 + 85 + 72.5 + 60 + 99.5) / 5, the open transaction not yet visible.
      expect((await overview("fiscalYear=2567")).json().mean).toBe(82.4);
      release();
      await early;
      // (95 + 85 + 72.5 + 80 + 99.5) / 5
      expect((await overview("fiscalYear=2567")).json().mean).toBe(86.4);
      await db.update(results).set({ computedOverall: 96 }).where(resultOf("หน่วยหนึ่ง"));
      await db.update(results).set({ computedOverall: 60 }).where(resultOf("หน่วยสี่"));
      expect((await overview("fiscalYear=2567")).json().mean).toBe(82.6);
    });
});
