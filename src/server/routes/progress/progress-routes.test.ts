import { count } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { progressReports } from "../../db/schema.ts";
import { verifyAudit } from "../../services/verify-audit.ts";
import { createTestMeasure, createTwoAgencyYears } from "../../test-assessments.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";

describe.each(engines)("progress report routes on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let a: string;
  let b: string;
  let assessmentA: string;
  let assessmentB: string;
  let measures: string[];
  let admin: Browser;
  const url = (kind = "", agencyId = a, assessmentId = assessmentA) =>
    `/api/agencies/${agencyId}/assessments/${assessmentId}/progress${kind && `/${kind}`}`;
  const report = (overrides: Record<string, unknown> = {}) => ({
    asOf: "2023-03-31",
    summary: "ดำเนินการแล้วตามแผนเป็นส่วนใหญ่",
    entries: [
      { measureId: measures[0], status: "in_progress", progress: 60, note: "เผยแพร่แล้วบางส่วน" },
      { measureId: measures[1], status: "done", progress: 100, note: "" },
    ],
    ...overrides,
  });
  const put = (browser: Browser, kind: string, payload: unknown, target = url(kind)) =>
    app.inject({ method: "PUT", url: target, payload: payload as object, ...browser });

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({ config: { LOG_LEVEL: "silent" }, database });
    ({ a, b, assessmentA, assessmentB } = await createTwoAgencyYears(database.db));
    const measure = () =>
      createTestMeasure({ db: database.db, agencyId: a, assessmentId: assessmentA });
    measures = [(await measure()).id, (await measure()).id];
    admin = await signInAs(app, database, [{ agencyId: a, role: "agency_admin" }]);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("writes each kind once and replaces it on the next write", async () => {
    expect((await app.inject({ url: url("six_month"), ...admin })).statusCode).toBe(404);
    const first = await put(admin, "six_month", report());
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ kind: "six_month", asOf: "2023-03-31" });
    const again = await put(admin, "six_month", report({ summary: "ปรับปรุงสรุปผล" }));
    expect(again.json().id).toBe(first.json().id);
    expect(again.json().summary).toBe("ปรับปรุงสรุปผล");
    await put(admin, "year_end", report({ asOf: "2023-09-30" }));

    const list = await app.inject({ url: url(), ...admin });
    expect(list.json().map((r: { kind: string }) => r.kind)).toEqual(["six_month", "year_end"]);
    const one = await app.inject({ url: url("six_month"), ...admin });
    expect(one.json().entries[0]).toEqual({
      measureId: measures[0],
      status: "in_progress",
      progress: 60,
      note: "เผยแพร่แล้วบางส่วน",
    });
    const [stored] = await database.db.select({ n: count() }).from(progressReports);
    expect(stored?.n).toBe(2);
    expect((await verifyAudit({ db: database.db })).problems).toEqual([]);
  });

  it("lists every unknown measure and every other problem, and changes nothing", async () => {
    const measureOfB = (
      await createTestMeasure({ db: database.db, agencyId: b, assessmentId: assessmentB })
    ).id;
    const stranger = "6f1c2a4e-0000-4000-8000-000000000999";
    const bad = await put(
      admin,
      "year_end",
      report({
        asOf: "2023-10-01",
        entries: [
          { measureId: measures[0], status: "done", progress: 90, note: "" },
          { measureId: measureOfB, status: "planned", progress: 0, note: "" },
          { measureId: stranger, status: "planned", progress: 0, note: "" },
          { measureId: measures[0], status: "in_progress", progress: 50, note: "" },
        ],
      }),
    );
    expect(bad.statusCode).toBe(400);
    const details = bad.json().error.details as { path: string; en: string }[];
    expect(details.map((d) => d.path)).toEqual([
      "body.asOf",
      "body.entries.0.progress",
      "body.entries.1.measureId",
      "body.entries.2.measureId",
      "body.entries.3.measureId",
    ]);
    expect(details[2]?.en).toContain(measureOfB);
    expect(details[3]?.en).toContain(stranger);
    const kept = await app.inject({ url: url("year_end"), ...admin });
    expect(kept.json().asOf).toBe("2023-09-30");
    const badKind = await put(admin, "quarterly", report());
    expect(badKind.statusCode).toBe(400);
  });

  it("is the agency admin's to write; officers and auditors read it", async () => {
    const officer = await signInAs(app, database, [
      { agencyId: a, role: "division_officer", division: "กองคลัง" },
    ]);
    const auditor = await signInAs(app, database, [{ agencyId: a, role: "auditor" }]);
    expect((await put(officer, "six_month", report())).statusCode).toBe(403);
    expect((await put(auditor, "six_month", report())).statusCode).toBe(403);
    expect((await app.inject({ url: url(), ...officer })).statusCode).toBe(200);
    expect((await app.inject({ url: url("six_month"), ...auditor })).statusCode).toBe(200);
  });

  it("refuses other agencies and answers another agency's assessment with 404", async () => {
    const adminB = await signInAs(app, database, [{ agencyId: b, role: "agency_admin" }]);
    expect((await app.inject({ url: url(), ...adminB })).statusCode).toBe(403);
    expect((await put(adminB, "six_month", report())).statusCode).toBe(403);
    const viaB = url("six_month", b, assessmentA);
    expect((await app.inject({ url: viaB, ...adminB })).statusCode).toBe(404);
    expect((await app.inject({ url: url("", b, assessmentA), ...adminB })).statusCode).toBe(404);
    expect((await put(adminB, "six_month", report(), viaB)).statusCode).toBe(404);
  });
});
