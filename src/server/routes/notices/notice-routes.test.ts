import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { notices } from "../../db/schema.ts";
import { createAgency } from "../../services/create-agency.ts";
import { createTestAssessment, createTestMeasure } from "../../test-assessments.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { buildAgency } from "../../test-factories.ts";
import { signInAs } from "../../test-sessions.ts";

describe.each(engines)("notice routes on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let a: string;
  let b: string;
  let measure: string;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({ config: { LOG_LEVEL: "silent" }, database });
    const { db } = database;
    a = (await createAgency({ db, actor: "test", agency: buildAgency({ name: "เอ" }) })).id;
    b = (await createAgency({ db, actor: "test", agency: buildAgency({ name: "บี" }) })).id;
    const assessment = (await createTestAssessment({ db, agencyId: a })).id;
    measure = (await createTestMeasure({ db, agencyId: a, assessmentId: assessment })).id;
    const notice = {
      agencyId: a,
      measureId: measure,
      title: "มาตรการทดสอบ",
      dueDate: "2023-03-20",
    };
    await db.insert(notices).values([
      { ...notice, day: "2023-03-10", kind: "due_soon" },
      { ...notice, day: "2023-03-21", kind: "overdue", emailedAt: new Date() },
      { ...notice, day: "2023-03-11", kind: "due_soon" },
    ]);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("lists the agency's notices newest first to its members", async () => {
    const officer = await signInAs(app, database, [
      { agencyId: a, role: "division_officer", division: "กองช่าง" },
    ]);
    const list = await app.inject({ url: `/api/agencies/${a}/notices`, ...officer });
    expect(list.statusCode).toBe(200);
    expect(list.json().map((n: { day: string; kind: string }) => [n.day, n.kind])).toEqual([
      ["2023-03-21", "overdue"],
      ["2023-03-11", "due_soon"],
      ["2023-03-10", "due_soon"],
    ]);
    expect(list.json()[0]).toMatchObject({ measureId: measure, title: "มาตรการทดสอบ" });
    expect(list.json()[0].emailedAt).toEqual(expect.any(String));
    expect(list.json()[1].emailedAt).toBeNull();
    const one = await app.inject({ url: `/api/agencies/${a}/notices?limit=1`, ...officer });
    expect(one.json()).toHaveLength(1);
    const bad = await app.inject({ url: `/api/agencies/${a}/notices?limit=0`, ...officer });
    expect(bad.statusCode).toBe(400);
  });

  it("shows another agency nothing of these notices", async () => {
    const adminB = await signInAs(app, database, [{ agencyId: b, role: "agency_admin" }]);
    expect((await app.inject({ url: `/api/agencies/${a}/notices`, ...adminB })).statusCode).toBe(
      403,
    );
    expect((await app.inject({ url: `/api/agencies/${b}/notices`, ...adminB })).json()).toEqual([]);
  });
});
