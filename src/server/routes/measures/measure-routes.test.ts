import { and, count, eq, inArray } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureStatuses } from "../../../shared/measure.ts";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import {
  auditHeads,
  auditLog,
  measures,
  measureStatuses as storedStatuses,
} from "../../db/schema.ts";
import { verifyAudit } from "../../services/verify-audit.ts";
import { buildMeasure, createTestMeasure, createTwoAgencyYears } from "../../test-assessments.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";

const paths = (response: { json(): { error: { details: { path: string }[] } } }) =>
  response
    .json()
    .error.details.map((d) => d.path)
    .sort();

describe.each(engines)("measure routes on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let a: string;
  let b: string;
  let assessmentA: string;
  let assessmentB: string;
  let admin: Browser;
  const url = (agencyId = a, assessmentId = assessmentA) =>
    `/api/agencies/${agencyId}/assessments/${assessmentId}/measures`;
  const create = (browser: Browser, overrides: Record<string, unknown> = {}) =>
    app.inject({ method: "POST", url: url(), payload: buildMeasure(overrides), ...browser });

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({ config: { LOG_LEVEL: "silent" }, database });
    ({ a, b, assessmentA, assessmentB } = await createTwoAgencyYears(database.db));
    admin = await signInAs(app, database, [{ agencyId: a, role: "agency_admin" }]);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("creates, lists in plan order, reads and changes a measure; a stale version is a 409", async () => {
    const first = await create(admin, { oitItems: ["o20"] });
    expect(first.statusCode).toBe(201);
    const second = await create(admin, { title: "อบรมเจ้าหน้าที่เรื่องผลประโยชน์ทับซ้อน" });
    const measure = first.json();
    expect(measure).toMatchObject({ position: 1, version: 1, status: "planned", progress: 0 });
    expect(measure.oitItems).toEqual(["O20"]);
    expect(second.json().position).toBe(2);

    const list = await app.inject({ url: url(), ...admin });
    expect(list.json().map((m: { title: string }) => m.title)).toEqual([
      measure.title,
      "อบรมเจ้าหน้าที่เรื่องผลประโยชน์ทับซ้อน",
    ]);
    const read = await app.inject({ url: `${url()}/${measure.id}`, ...admin });
    expect(read.json()).toEqual(measure);

    const patch = await app.inject({
      method: "PATCH",
      url: `${url()}/${measure.id}`,
      payload: { version: 1, status: "in_progress", progress: 40 },
      ...admin,
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json()).toMatchObject({ version: 2, status: "in_progress", progress: 40 });
    expect(Date.parse(patch.json().updatedAt)).toBeGreaterThanOrEqual(
      Date.parse(measure.updatedAt),
    );

    // Another tab still holds version 1: its change is refused, and nothing of it is kept.
    const stale = await app.inject({
      method: "PATCH",
      url: `${url()}/${measure.id}`,
      payload: { version: 1, title: "ชื่อจากหน้าเก่า" },
      ...admin,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("CONFLICT");
    expect(stale.json().error.message).toContain("โหลดหน้าใหม่");
    const after = await app.inject({ url: `${url()}/${measure.id}`, ...admin });
    expect(after.json()).toMatchObject({ title: measure.title, version: 2 });
    expect((await verifyAudit({ db: database.db })).problems).toEqual([]);
  });

  it("lets exactly one of several simultaneous changes of the same version through", async () => {
    const { id } = (await create(admin)).json();
    const results = await Promise.all(
      [10, 20, 30, 40, 50].map((progress) =>
        app.inject({
          method: "PATCH",
          url: `${url()}/${id}`,
          payload: { version: 1, progress },
          ...admin,
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    const winner = results.find((r) => r.statusCode === 200)?.json();
    const stored = (await app.inject({ url: `${url()}/${id}`, ...admin })).json();
    expect(stored).toMatchObject({ version: 2, progress: winner.progress });
  });

  it("chains the audit entries of simultaneous changes to different measures of one agency", async () => {
    const created = [];
    for (let i = 0; i < 12; i++) created.push((await create(admin)).json());
    const results = await Promise.all(
      created.map(({ id }, i) =>
        app.inject({
          method: "PATCH",
          url: `${url()}/${id}`,
          payload: { version: 1, progress: i + 1 },
          ...admin,
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(created.map(() => 200));
    const report = await verifyAudit({ db: database.db });
    expect(report.problems).toEqual([]);
    const entries = await database.db
      .select({ seq: auditLog.seq })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "measure.update"),
          inArray(
            auditLog.entityId,
            created.map((m) => m.id),
          ),
        ),
      );
    expect(new Set(entries.map((e) => e.seq)).size).toBe(created.length);
  });

  it("audits a change in an agency whose chain has no entry yet, then chains the next in one statement", async () => {
    // A year loaded in bulk, without audit entries: the first change must start the chain.
    const { a: fresh, assessmentA: year } = await createTwoAgencyYears(database.db);
    const coordinator = await signInAs(app, database, [{ agencyId: fresh, role: "agency_admin" }]);
    await database.db.delete(auditLog).where(eq(auditLog.agencyId, fresh));
    await database.db.delete(auditHeads).where(eq(auditHeads.agencyId, fresh));
    const { id } = await createTestMeasure({
      db: database.db,
      agencyId: fresh,
      assessmentId: year,
    });
    const patch = (payload: Record<string, unknown>) =>
      app.inject({ method: "PATCH", url: `${url(fresh, year)}/${id}`, payload, ...coordinator });
    expect((await patch({ version: 1, progress: 10 })).json()).toMatchObject({ version: 2 });
    const second = await patch({ version: 2, progress: 20, title: "มาตรการที่แก้ชื่อแล้ว" });
    expect(second.json()).toMatchObject({ version: 3, progress: 20, title: "มาตรการที่แก้ชื่อแล้ว" });
    expect(second.json()).toEqual(
      (await app.inject({ url: `${url(fresh, year)}/${id}`, ...coordinator })).json(),
    );
    expect((await patch({ version: 2, progress: 30 })).statusCode).toBe(409);
    const entries = await database.db
      .select({ seq: auditLog.seq, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.agencyId, fresh), eq(auditLog.action, "measure.update")))
      .orderBy(auditLog.seq);
    expect(entries.map(({ before, after }) => ({ before, after }))).toEqual([
      { before: { progress: 0, version: 1 }, after: { progress: 10, version: 2 } },
      {
        before: { progress: 10, title: "มาตรการทดสอบ", version: 2 },
        after: { progress: 20, title: "มาตรการที่แก้ชื่อแล้ว", version: 3 },
      },
    ]);
    expect(entries.map((e) => e.seq)).toEqual([1, 2]);
    expect((await verifyAudit({ db: database.db, agencyId: fresh })).problems).toEqual([]);
  });

  it("keeps status and progress in agreement", async () => {
    const { id } = (await create(admin)).json();
    const patch = (payload: Record<string, unknown>) =>
      app.inject({ method: "PATCH", url: `${url()}/${id}`, payload, ...admin });
    const full = await patch({ version: 1, progress: 100 });
    expect(full.statusCode).toBe(400);
    expect(paths(full)).toEqual(["body.progress"]);
    const done = await patch({ version: 1, status: "done" });
    expect(done.json()).toMatchObject({ status: "done", progress: 100, version: 2 });
    const contradiction = await patch({ version: 2, status: "done", progress: 70 });
    expect(contradiction.statusCode).toBe(400);
    const reopened = await patch({ version: 2, status: "in_progress", progress: 80 });
    expect(reopened.json()).toMatchObject({ status: "in_progress", progress: 80, version: 3 });
  });

  it("lists every problem of a bad measure and stores nothing", async () => {
    const before = await database.db.select({ n: count() }).from(measures);
    const bad = await create(admin, {
      responsible: ["กองคลัง", "กองการศึกษา", "กองสวัสดิการ"],
      indicators: [9, 42],
      oitItems: ["O99"],
      startDate: "2023-10-01",
      dueDate: "2022-09-30",
      monitoring: [{ date: "2024-01-15", activity: "ติดตาม" }],
      evidenceLinks: ["ftp://files.huaisak.go.th/x", "not a link", "https://ok.go.th"],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("INPUT_INVALID");
    expect(paths(bad)).toEqual(
      [
        "body.responsible.1",
        "body.responsible.2",
        "body.indicators.1",
        "body.oitItems.0",
        "body.startDate",
        "body.dueDate",
        "body.dueDate",
        "body.monitoring.0.date",
        "body.evidenceLinks.0",
        "body.evidenceLinks.1",
      ].sort(),
    );
    const details = bad.json().error.details as { path: string; th: string; en: string }[];
    expect(details.find((d) => d.path === "body.startDate")?.th).toContain("ปีงบประมาณ พ.ศ. 2566");
    expect(details.every((d) => d.th && d.en)).toBe(true);
    const shape = await create(admin, { title: "", steps: [], dueDate: "2023-02-30", colour: 1 });
    expect(shape.statusCode).toBe(400);
    expect(paths(shape)).toEqual(["body.colour", "body.dueDate", "body.steps", "body.title"]);
    expect(await database.db.select({ n: count() }).from(measures)).toEqual(before);
    const { id } = (await create(admin)).json();
    const patch = (payload: Record<string, unknown>) =>
      app.inject({ method: "PATCH", url: `${url()}/${id}`, payload, ...admin });
    expect(paths(await patch({ progress: 10 }))).toEqual(["body.version"]);
    expect(paths(await patch({ version: 1, colour: "แดง" }))).toEqual(["body.colour"]);
    expect(paths(await patch({ version: 1 }))).toEqual(["body"]);
    const late = await patch({ version: 1, dueDate: "2023-10-01", responsible: ["กองสวัสดิการ"] });
    expect(paths(late)).toEqual(["body.dueDate", "body.responsible.0"]);
  });

  it("lets a division officer write their own division's measures only", async () => {
    const officer = await signInAs(app, database, [
      { agencyId: a, role: "division_officer", division: "กองคลัง" },
    ]);
    const own = await create(officer, { responsible: ["กองคลัง", "กองช่าง"] });
    expect(own.statusCode).toBe(201);
    const elsewhere = await create(officer, { responsible: ["กองช่าง"] });
    expect(elsewhere.statusCode).toBe(403);

    const theirs = (await create(admin, { responsible: ["กองช่าง"] })).json();
    const patch = (id: string, payload: Record<string, unknown>) =>
      app.inject({ method: "PATCH", url: `${url()}/${id}`, payload, ...officer });
    expect((await patch(own.json().id, { version: 1, progress: 30 })).statusCode).toBe(200);
    expect((await patch(theirs.id, { version: 1, progress: 30 })).statusCode).toBe(403);
    // Adding their own division does not let an officer take over another division's measure.
    const takeover = await patch(theirs.id, { version: 1, responsible: ["กองช่าง", "กองคลัง"] });
    expect(takeover.statusCode).toBe(403);
    // Nor may they hand their measure away to divisions that are not theirs.
    const handOff = await patch(own.json().id, { version: 2, responsible: ["กองช่าง"] });
    expect(handOff.statusCode).toBe(403);

    // Deleting is the agency admin's.
    const remove = (browser: Browser) =>
      app.inject({ method: "DELETE", url: `${url()}/${own.json().id}`, ...browser });
    expect((await remove(officer)).statusCode).toBe(403);
    expect((await remove(admin)).statusCode).toBe(204);
    expect((await remove(admin)).statusCode).toBe(404);
    expect((await verifyAudit({ db: database.db })).problems).toEqual([]);
  });

  it("refuses every role of another agency and answers another agency's ids with 404", async () => {
    const measure = (await create(admin)).json();
    const outsiders = [
      await signInAs(app, database, [{ agencyId: b, role: "agency_admin" }]),
      await signInAs(app, database, [
        { agencyId: b, role: "division_officer", division: "กองคลัง" },
      ]),
    ];
    for (const outsider of outsiders) {
      expect((await app.inject({ url: url(), ...outsider })).statusCode).toBe(403);
      expect((await create(outsider)).statusCode).toBe(403);
      const patch = await app.inject({
        method: "PATCH",
        url: `${url()}/${measure.id}`,
        payload: { version: 1, progress: 10 },
        ...outsider,
      });
      expect(patch.statusCode).toBe(403);
    }
    const adminB = outsiders[0] as Browser;
    // Agency B's own URL with agency A's ids: not found here, never A's data.
    expect((await app.inject({ url: url(b, assessmentA), ...adminB })).statusCode).toBe(404);
    const elsewhere = `${url(b, assessmentB)}/${measure.id}`;
    expect((await app.inject({ url: elsewhere, ...adminB })).statusCode).toBe(404);
    const patch = await app.inject({
      method: "PATCH",
      url: elsewhere,
      payload: { version: 1, progress: 10 },
      ...adminB,
    });
    expect(patch.statusCode).toBe(404);
    const remove = await app.inject({ method: "DELETE", url: elsewhere, ...adminB });
    expect(remove.statusCode).toBe(404);
    const posted = await app.inject({
      method: "POST",
      url: url(b, assessmentA),
      payload: buildMeasure(),
      ...adminB,
    });
    expect(posted.statusCode).toBe(404);
    const [stored] = await database.db.select().from(measures).where(eq(measures.id, measure.id));
    expect(stored?.version).toBe(1);
  });

  it("answers a malformed id with 400 and strangers with 401", async () => {
    expect((await app.inject({ url: `${url()}/not-a-uuid`, ...admin })).statusCode).toBe(400);
    expect((await app.inject({ url: url() })).statusCode).toBe(401);
  });

  it("documents the routes in OpenAPI with the statuses the database stores", async () => {
    expect(measureStatuses).toEqual(storedStatuses);
    const spec = (await app.inject({ url: "/api/openapi.json" })).json();
    const path = "/api/agencies/{agencyId}/assessments/{assessmentId}/measures/{measureId}";
    expect(Object.keys(spec.paths[path])).toEqual(
      expect.arrayContaining(["get", "patch", "delete"]),
    );
  });
});
