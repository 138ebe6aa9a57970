import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { assessments, auditLog, NATIONAL_SCOPE } from "../../db/schema.ts";
import { createAgency } from "../../services/create-agency.ts";
import { verifyAudit } from "../../services/verify-audit.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { buildAgency } from "../../test-factories.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";

const otherRoles = ["agency_admin", "division_officer", "evaluator", "auditor"] as const;

describe.each(engines)("assessment routes on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let a: string;
  let b: string;
  let admin: Browser;
  // The clock the app reads; each test sets the day it needs.
  let clock = new Date("2023-03-15T03:00:00Z");
  const countAssessments = async () => (await database.db.select().from(assessments)).length;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({ config: { LOG_LEVEL: "silent" }, database, now: () => clock });
    const agency = async (name: string) =>
      (await createAgency({ db: database.db, actor: "test", agency: buildAgency({ name }) })).id;
    a = await agency("เทศบาลตำบลเอ");
    b = await agency("เทศบาลตำบลบี");
    admin = await signInAs(app, database, [{ agencyId: NATIONAL_SCOPE, role: "national_admin" }]);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const open = (year: number | string, browser: Browser, payload?: object) =>
    app.inject({
      method: "POST",
      url: `/api/fiscal-years/${year}/open`,
      ...(payload ? { payload } : {}),
      ...browser,
    });

  it("opens a year for every agency once, skipping agencies that have it, one audit entry each", async () => {
    const first = await open(2566, admin);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ fiscalYear: 2566, frameworkId: "ita-2566", created: 2 });
    expect(
      first
        .json()
        .createdAssessments.map((c: { agencyId: string }) => c.agencyId)
        .sort(),
    ).toEqual([a, b].sort());
    const again = await open(2566, admin, {});
    expect(again.json()).toMatchObject({ created: 0, skipped: 2 });
    expect(again.json().skippedAgencyIds.sort()).toEqual([a, b].sort());
    const onlyA = await open(2565, admin, { agencyIds: [a, a] });
    expect(onlyA.json()).toMatchObject({ frameworkId: "ita-2565", created: 1, skipped: 0 });
    const entries = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.agencyId, a), eq(auditLog.action, "assessment.open")));
    expect(entries.map((e) => (e.after as { fiscalYear: number }).fiscalYear).sort()).toEqual([
      2565, 2566,
    ]);
    expect((await verifyAudit({ db: database.db })).problems).toEqual([]);
  });

  it("refuses an unknown framework, another year's framework and unknown agencies, creating nothing", async () => {
    const before = await countAssessments();
    const unknown = await open(2599, admin);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("FRAMEWORK_NOT_FOUND");
    expect(unknown.json().error.message).toContain("ไม่พบกรอบการประเมิน ita-2599");
    const named = await open(2567, admin, { frameworkId: "ita-1999" });
    expect(named.statusCode).toBe(404);
    const mismatch = await open(2567, admin, { frameworkId: "ita-2566" });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.details[0].path).toBe("body.frameworkId");
    const stranger = "6f1c2a4e-0000-4000-8000-000000000999";
    const missing = await open(2567, admin, { agencyIds: [a, stranger] });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      "body.agencyIds.1",
    ]);
    const bad = await open(2567, admin, { agencyIds: ["x"], colour: "red" });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(["body.agencyIds.0", "body.colour"].sort());
    expect((await open("twenty", admin)).statusCode).toBe(400);
    expect(await countAssessments()).toBe(before);
  });

  it("lets only a national administrator open a year", async () => {
    for (const role of otherRoles) {
      const member = await signInAs(app, database, [{ agencyId: a, role }]);
      const response = await open(2568, member);
      expect(response.statusCode, role).toBe(403);
    }
    expect(
      (await app.inject({ method: "POST", url: "/api/fiscal-years/2568/open" })).statusCode,
    ).toBe(401);
  });

  it("lists an agency's assessments newest first and marks the phases on the injected day", async () => {
    const auditor = await signInAs(app, database, [{ agencyId: a, role: "auditor" }]);
    const list = await app.inject({ url: `/api/agencies/${a}/assessments`, ...auditor });
    expect(list.statusCode).toBe(200);
    expect(list.json().map((x: { fiscalYear: number }) => x.fiscalYear)).toEqual([2566, 2565]);
    const id = list.json()[0].id;
    clock = new Date("2023-03-15T03:00:00Z");
    const detail = (
      await app.inject({ url: `/api/agencies/${a}/assessments/${id}`, ...auditor })
    ).json();
    expect(detail.today).toBe("2023-03-15");
    const status = Object.fromEntries(
      detail.phases.map((p: { id: string; status: string }) => [p.id, p.status]),
    );
    expect(status).toEqual({
      registration: "past",
      "survey-collection": "current",
      "oit-submission": "current",
      "oit-scoring": "upcoming",
      clarification: "upcoming",
      confirmation: "upcoming",
      results: "upcoming",
    });
    expect(detail.currentPhaseId).toBe("oit-submission");
    expect(detail.phases[0].name.th).toBe("ลงทะเบียนและบันทึกจำนวนผู้มีส่วนได้ส่วนเสีย");
    // 18:00 UTC on 28 February is already 1 March in Thailand.
    clock = new Date("2023-02-28T18:00:00Z");
    const nextDay = (
      await app.inject({ url: `/api/agencies/${a}/assessments/${id}`, ...auditor })
    ).json();
    expect(nextDay.today).toBe("2023-03-01");
    expect(nextDay.phases[0].status).toBe("past");
    clock = new Date("2023-07-15T03:00:00Z");
    // Months later the morning's session has long expired: sign in again.
    const later = await signInAs(app, database, [{ agencyId: a, role: "auditor" }]);
    const between = (
      await app.inject({ url: `/api/agencies/${a}/assessments/${id}`, ...later })
    ).json();
    expect(between.currentPhaseId).toBeNull();
    expect(between.phases.at(-1).status).toBe("upcoming");
    clock = new Date("2023-03-15T03:00:00Z");
  });

  it("answers another agency's assessment id with not found, and refuses every role of another agency", async () => {
    const ofA = (await app.inject({ url: `/api/agencies/${a}/assessments`, ...admin })).json()[0]
      .id;
    const coordinatorOfB = await signInAs(app, database, [{ agencyId: b, role: "agency_admin" }]);
    const crossed = await app.inject({
      url: `/api/agencies/${b}/assessments/${ofA}`,
      ...coordinatorOfB,
    });
    expect(crossed.statusCode).toBe(404);
    expect(crossed.json().error.message).toBe("ไม่พบการประเมินนี้ในหน่วยงานนี้");
    for (const role of otherRoles) {
      const outsider = await signInAs(app, database, [{ agencyId: b, role }]);
      for (const url of [
        `/api/agencies/${a}/assessments`,
        `/api/agencies/${a}/assessments/${ofA}`,
      ]) {
        const response = await app.inject({ url, ...outsider });
        expect(response.statusCode, `${role} ${url}`).toBe(403);
        expect(response.json().error.message).toBe("คุณไม่ได้เป็นสมาชิกของหน่วยงานนี้");
      }
    }
    const badId = await app.inject({ url: `/api/agencies/${a}/assessments/nope`, ...admin });
    expect(badId.statusCode).toBe(400);
  });
});
