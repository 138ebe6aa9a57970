import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { assessments, measures, notices, results } from "../../db/schema.ts";
import { createAgency } from "../../services/create-agency.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { buildAgency } from "../../test-factories.ts";
import { signInAs } from "../../test-sessions.ts";

describe.each(engines)("dashboard on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let agencyId: string;
  let otherId: string;
  let year2566: string;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    // 1 March 2023 at 09:00 in Bangkok.
    const now = () => new Date("2023-03-01T02:00:00Z");
    app = await buildApp({ config: { LOG_LEVEL: "silent" }, database, now });
    const { db } = database;
    agencyId = (await createAgency({ db, actor: "test", agency: buildAgency() })).id;
    otherId = (await createAgency({ db, actor: "test", agency: buildAgency({ name: "อื่น" }) })).id;
    const [y65, y66] = await db
      .insert(assessments)
      .values([
        { agencyId, fiscalYear: 2565, frameworkId: "ita-2565" },
        { agencyId, fiscalYear: 2566, frameworkId: "ita-2566" },
      ])
      .returning({ id: assessments.id });
    if (!y65 || !y66) throw new Error("no assessments");
    year2566 = y66.id;
    await db.insert(results).values({
      agencyId,
      assessmentId: y65.id,
      source: "entered",
      indicators: { "1": 90 },
      computedOverall: 78.33,
      computedLevel: "B",
      officialOverall: 70.64,
      discrepancy: -7.69,
      updatedBy: "test",
    });
    const measure = (
      title: string,
      status: "planned" | "in_progress" | "done" | "cancelled",
      progress: number,
      dueDate: string,
    ) => ({
      agencyId,
      assessmentId: year2566,
      position: 0,
      title,
      steps: ["ขั้นตอน"],
      responsible: ["กองคลัง"],
      indicators: [1],
      oitItems: [],
      monitoring: [],
      status,
      progress,
      dueDate,
    });
    const rows = await db
      .insert(measures)
      .values([
        measure("เลยกำหนด", "in_progress", 40, "2023-02-20"),
        measure("ใกล้ครบกำหนด", "planned", 0, "2023-03-10"),
        measure("อีกนาน", "in_progress", 50, "2023-09-30"),
        measure("เสร็จแล้วแม้เลยกำหนด", "done", 100, "2023-01-31"),
        measure("ยกเลิก", "cancelled", 10, "2023-02-01"),
      ])
      .returning({ id: measures.id });
    await db.insert(notices).values({
      agencyId,
      measureId: rows[0]?.id ?? "",
      day: "2023-03-01",
      kind: "overdue",
      title: "เลยกำหนด",
      dueDate: "2023-02-20",
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("summarises each year's result and where its measures stand, on Bangkok's day", async () => {
    const auditor = await signInAs(app, database, [{ agencyId, role: "auditor" }]);
    const response = await app.inject({ url: `/api/agencies/${agencyId}/dashboard`, ...auditor });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.today).toBe("2023-03-01");
    expect(body.noticesToday).toBe(1);
    expect(body.assessments.map((a: { fiscalYear: number }) => a.fiscalYear)).toEqual([2566, 2565]);
    const [y66, y65] = body.assessments;
    expect(y65.result).toEqual({
      computedOverall: 78.33,
      computedLevel: "B",
      officialOverall: 70.64,
      discrepancy: -7.69,
    });
    expect(y66.result).toBeNull();
    expect(y66.measures).toEqual({
      total: 5,
      planned: 1,
      inProgress: 2,
      done: 1,
      cancelled: 1,
      overdue: 1,
      dueSoon: 1,
      // (40 + 0 + 50 + 100) / 4, the cancelled one left out.
      averageProgress: 47.5,
    });
    expect(y65.measures.total).toBe(0);
    expect(y65.measures.averageProgress).toBeNull();
  });

  it("refuses people of another agency and strangers", async () => {
    const outsider = await signInAs(app, database, [{ agencyId: otherId, role: "agency_admin" }]);
    const refused = await app.inject({ url: `/api/agencies/${agencyId}/dashboard`, ...outsider });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("FORBIDDEN");
    const anonymous = await app.inject({ url: `/api/agencies/${agencyId}/dashboard` });
    expect(anonymous.statusCode).toBe(401);
  });
});
