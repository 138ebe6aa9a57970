import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { auditLog, oitCheckRuns } from "../../db/schema.ts";
import { createTwoAgencyYears } from "../../test-assessments.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";

// The job's bookkeeping without a checker: refusal when none is installed, recovery after a restart.
describe.each(engines)("OIT check runs on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let scope: Awaited<ReturnType<typeof createTwoAgencyYears>>;
  let coordinator: Browser;
  let auditor: Browser;
  const url = (path = "") =>
    `/api/agencies/${scope.a}/assessments/${scope.assessmentA}/oit/check-runs${path}`;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({ config: { LOG_LEVEL: "silent" }, database });
    scope = await createTwoAgencyYears(database.db);
    coordinator = await signInAs(app, database, [{ agencyId: scope.a, role: "agency_admin" }]);
    auditor = await signInAs(app, database, [{ agencyId: scope.a, role: "auditor" }]);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("has no run at first, and refuses a check in Thai when the server has no checker", async () => {
    const latest = await app.inject({ url: url("/latest"), ...auditor });
    expect(latest.statusCode).toBe(200);
    expect(latest.json()).toEqual({ run: null });
    const refused = await app.inject({ method: "POST", url: url(), ...coordinator });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/ตัวตรวจเว็บไซต์/);
    expect((await app.inject({ method: "POST", url: url(), ...auditor })).statusCode).toBe(403);
  });

  it("after a restart, marks a running check failed (audited) and runs queued ones again", async () => {
    const [running] = await database.db
      .insert(oitCheckRuns)
      .values({
        agencyId: scope.a,
        assessmentId: scope.assessmentA,
        status: "running",
        createdBy: "test",
      })
      .returning();
    const [queued] = await database.db
      .insert(oitCheckRuns)
      .values({ agencyId: scope.a, assessmentId: scope.assessmentA, createdBy: "test" })
      .returning();
    const restarted = await buildApp({ config: { LOG_LEVEL: "silent" }, database });
    try {
      expect(await restarted.oitChecks.recover()).toEqual({ failed: 1, resumed: 1 });
    } finally {
      await restarted.close();
    }
    const rows = await database.db
      .select()
      .from(oitCheckRuns)
      .where(eq(oitCheckRuns.agencyId, scope.a));
    const failed = rows.find((r) => r.id === running?.id);
    expect(failed).toMatchObject({ status: "failed" });
    expect(failed?.error).toMatch(/เริ่มทำงานใหม่/);
    // Without a checker the queued run waits for a server that has one.
    expect(rows.find((r) => r.id === queued?.id)?.status).toBe("queued");
    const entries = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.agencyId, scope.a), eq(auditLog.action, "oit.check_failed")));
    expect(entries).toHaveLength(1);
    const latest = await app.inject({ url: url("/latest"), ...coordinator });
    expect(latest.json().run.status).toMatch(/queued|failed/);
  });
});
