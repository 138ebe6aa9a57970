import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry, AuditPage, AuditVerification } from "../../../shared/audit.ts";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { NATIONAL_SCOPE } from "../../db/schema.ts";
import { createAgency } from "../../services/create-agency.ts";
import { buildMeasure } from "../../test-assessments.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { buildAgency } from "../../test-factories.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";

const huaiSak = {
  1: 93.7,
  2: 93.2,
  3: 93.1,
  4: 95.7,
  5: 84.8,
  6: 75,
  7: 69.7,
  8: 69.5,
  9: 74.8,
  10: 71.6,
};

describe.each(engines)("audit routes on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let agencyId: string;
  let otherId: string;
  let coordinator: Browser & { userId: string; email: string };
  let auditor: Browser;
  const year: Record<number, string> = {};
  const measureIds: string[] = [];
  const auditUrl = (query = "", id = agencyId) => `/api/agencies/${id}/audit${query}`;
  const page = async (query = "", as: Browser = auditor) => {
    const response = await app.inject({ url: auditUrl(query), ...as });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as AuditPage;
  };
  const actions = (entries: AuditEntry[]) => entries.map((e) => e.action);

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({ config: { LOG_LEVEL: "silent" }, database });
    const { db } = database;
    agencyId = (await createAgency({ db, actor: "test", agency: buildAgency() })).id;
    otherId = (await createAgency({ db, actor: "test", agency: buildAgency({ name: "อื่น" }) })).id;
    const national = await signInAs(app, database, [
      { agencyId: NATIONAL_SCOPE, role: "national_admin" },
    ]);
    coordinator = await signInAs(app, database, [{ agencyId, role: "agency_admin" }]);
    auditor = await signInAs(app, database, [{ agencyId, role: "auditor" }]);
    const send = async (
      method: "POST" | "PUT" | "PATCH" | "DELETE",
      url: string,
      body?: object,
      as: Browser = coordinator,
    ) => {
      const response = await app.inject({ method, url, ...(body ? { payload: body } : {}), ...as });
      expect(response.statusCode, response.body).toBeLessThan(300);
      return response.statusCode === 204 ? undefined : response.json();
    };
    for (const fiscalYear of [2565, 2566]) {
      const opened = await send(
        "POST",
        `/api/fiscal-years/${fiscalYear}/open`,
        { agencyIds: [agencyId] },
        national,
      );
      year[fiscalYear] = opened.createdAssessments[0].assessmentId;
    }
    const base = `/api/agencies/${agencyId}/assessments`;
    await send("PUT", `${base}/${year[2565]}/result`, { indicators: huaiSak });
    for (const title of ["มาตรการที่หนึ่ง", "มาตรการที่สอง"])
      measureIds.push(
        (await send("POST", `${base}/${year[2566]}/measures`, buildMeasure({ title }))).id,
      );
    await send("PATCH", `${base}/${year[2566]}/measures/${measureIds[0]}`, {
      version: 1,
      progress: 40,
      status: "in_progress",
    });
    await send("DELETE", `${base}/${year[2566]}/measures/${measureIds[1]}`);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("lists the agency's trail newest first, naming the people who acted", async () => {
    const { entries, nextBefore } = await page();
    expect(nextBefore).toBeNull();
    expect(entries.map((e) => e.seq)).toEqual(
      Array.from({ length: entries.length }, (_, i) => entries.length - i),
    );
    expect(actions(entries)).toEqual([
      "measure.delete",
      "measure.update",
      "measure.create",
      "measure.create",
      "result.enter",
      "assessment.open",
      "assessment.open",
      "membership.create",
      "membership.create",
      "agency.create",
    ]);
    const update = entries[1];
    expect(update).toMatchObject({
      actor: { id: coordinator.userId, displayName: "agency_admin", email: coordinator.email },
      entity: "measure",
      entityId: measureIds[0],
      before: { progress: 0, status: "planned", version: 1 },
      after: { progress: 40, status: "in_progress", version: 2 },
    });
    expect(Date.parse(update?.at ?? "")).not.toBeNaN();
    // Work done outside a session keeps its name, with no person behind it.
    expect(entries.at(-1)?.actor).toEqual({ id: "test", displayName: null, email: null });
  });

  it("pages by sequence number without gaps or repeats", async () => {
    const all = (await page()).entries.map((e) => e.seq);
    const seen: number[] = [];
    let before: number | null = null;
    do {
      const next: AuditPage = await page(`?limit=3${before === null ? "" : `&before=${before}`}`);
      expect(next.entries.length).toBeLessThanOrEqual(3);
      seen.push(...next.entries.map((e) => e.seq));
      before = next.nextBefore;
    } while (before !== null);
    expect(seen).toEqual(all);
  });

  it("filters by fiscal year: the assessment, its result, its measures, deleted ones included", async () => {
    const y66 = await page("?fiscalYear=2566");
    expect(actions(y66.entries)).toEqual([
      "measure.delete",
      "measure.update",
      "measure.create",
      "measure.create",
      "assessment.open",
    ]);
    expect(y66.entries.at(-1)?.entityId).toBe(year[2566]);
    const y65 = await page("?fiscalYear=2565");
    expect(actions(y65.entries)).toEqual(["result.enter", "assessment.open"]);
    expect(y65.entries.every((e) => e.entityId === year[2565])).toBe(true);
    expect((await page("?fiscalYear=2570")).entries).toEqual([]);
    const limited = await page("?fiscalYear=2566&limit=2");
    expect(actions(limited.entries)).toEqual(["measure.delete", "measure.update"]);
    const rest = await page(`?fiscalYear=2566&before=${limited.nextBefore}`);
    expect(rest.entries.map((e) => e.seq)).toEqual(y66.entries.slice(2).map((e) => e.seq));
  });

  it("is readable by every member role, not by another agency's, and checks its query", async () => {
    for (const role of ["agency_admin", "division_officer", "evaluator", "auditor"] as const) {
      const member = await signInAs(app, database, [
        { agencyId, role, division: role === "division_officer" ? "กองคลัง" : undefined },
      ]);
      expect((await app.inject({ url: auditUrl(), ...member })).statusCode, role).toBe(200);
      const outsider = await signInAs(app, database, [{ agencyId: otherId, role }]);
      expect((await app.inject({ url: auditUrl(), ...outsider })).statusCode, role).toBe(403);
      expect((await app.inject({ url: auditUrl("/verify"), ...outsider })).statusCode).toBe(403);
    }
    const bad = await app.inject({ url: auditUrl("?limit=0&before=x&fiscalYear=1"), ...auditor });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(["querystring.before", "querystring.fiscalYear", "querystring.limit"]);
  });

  it("verifies the agency's chain, and finds the first entry edited or removed", async () => {
    const verify = async () => {
      const response = await app.inject({ url: auditUrl("/verify"), ...auditor });
      expect(response.statusCode).toBe(200);
      return response.json() as AuditVerification;
    };
    const total = (await page()).entries.length;
    expect(await verify()).toEqual({
      intact: true,
      entries: total,
      firstBrokenSeq: null,
      problems: [],
    });

    // Another agency's broken chain is not this one's problem.
    await database.db.execute(sql`update audit_log set actor = 'x' where agency_id = ${otherId}`);
    expect((await verify()).intact).toBe(true);

    await database.db.execute(
      sql`update audit_log set after = '{"progress": 100}' where agency_id = ${agencyId} and seq = 6`,
    );
    const edited = await verify();
    expect(edited).toMatchObject({ intact: false, entries: total, firstBrokenSeq: 6 });
    expect(edited.problems[0]).toMatchObject({ seq: 6, kind: "edited" });
    expect(edited.problems[0]?.th).toContain("ถูกแก้ไข");

    await database.db.execute(sql`delete from audit_log where agency_id = ${agencyId} and seq = 3`);
    const removed = await verify();
    expect(removed.firstBrokenSeq).toBe(3);
    expect(removed.problems.map((p) => p.kind)).toContain("missing");
  });

  it("documents both routes under the audit tag", async () => {
    const spec = (await app.inject({ url: "/api/openapi.json" })).json();
    expect(spec.paths["/api/agencies/{agencyId}/audit"].get.tags).toEqual(["audit"]);
    expect(spec.paths["/api/agencies/{agencyId}/audit/verify"].get.tags).toEqual(["audit"]);
  });
});
