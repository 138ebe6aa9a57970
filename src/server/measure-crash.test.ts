import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from "../shared/limits.ts";
import { auditLog, measures } from "./db/schema.ts";
import { createAgency } from "./services/create-agency.ts";
import { verifyAudit } from "./services/verify-audit.ts";
import { createTestAssessment, createTestMeasure } from "./test-assessments.ts";
import { type EngineServer, engineServer } from "./test-engine-server.ts";
import { buildAgency } from "./test-factories.ts";

const WRITERS = 8;

// Measure changes are group-committed (several agencies' changes per statement): one answered
// 200 must survive a SIGKILL of the server, with its audit entry, and the chains stay whole.
describe.each(["pglite", "postgres"] as const)(
  "measure changes killed mid-flight on %s",
  (engine) => {
    let target: EngineServer;
    beforeAll(async () => {
      target = await engineServer(engine, "prongsai-measure-kill-");
    });
    afterAll(() => target?.remove());
    const open = () => target.open();
    const start = () => target.start();

    it("keeps every acknowledged change and its audit entry", async () => {
      // The first start seeds the demo and prints the national administrator's one-time password.
      const first = await start();
      const admin = /"email":"([^"]+)","role":"national_admin","password":"([^"]+)"/.exec(
        first.server.stdout(),
      );
      first.server.child.kill("SIGTERM");
      await first.server.exited;
      expect(admin).not.toBeNull();
      // Two measures in each of four agencies, so batches carry several agencies' changes and
      // chain several changes of one agency.
      const targets: { agencyId: string; assessmentId: string; measureId: string }[] = [];
      const setup = await open();
      try {
        const { db } = setup;
        for (let i = 0; i < WRITERS / 2; i++) {
          const agency = await createAgency({
            db,
            actor: "test",
            agency: buildAgency({ name: `ทต.${i}` }),
          });
          const assessment = await createTestAssessment({ db, agencyId: agency.id });
          for (let m = 0; m < 2; m++) {
            const measure = await createTestMeasure({
              db,
              agencyId: agency.id,
              assessmentId: assessment.id,
            });
            targets.push({
              agencyId: agency.id,
              assessmentId: assessment.id,
              measureId: measure.id,
            });
          }
        }
      } finally {
        await setup.close();
      }

      const { server, base } = await start();
      const login = await fetch(`${base}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: admin?.[1], password: admin?.[2] }),
      });
      expect(login.status).toBe(200);
      const cookies = Object.fromEntries(
        login.headers.getSetCookie().map((c) => c.split(";")[0]?.split("=") as [string, string]),
      );
      const headers = {
        "content-type": "application/json",
        cookie: `${SESSION_COOKIE}=${cookies[SESSION_COOKIE]}; ${CSRF_COOKIE}=${cookies[CSRF_COOKIE]}`,
        [CSRF_HEADER]: cookies[CSRF_COOKIE] ?? "",
      };
      // The last version each writer was answered, with the progress it set.
      const acknowledged = new Map<string, { version: number; progress: number }>();
      let answered = 0;
      const writers = targets.map(async ({ agencyId, assessmentId, measureId }) => {
        const url = `${base}/api/agencies/${agencyId}/assessments/${assessmentId}/measures/${measureId}`;
        for (let version = 1; ; version++) {
          const progress = version % 100;
          const response = await fetch(url, {
            method: "PATCH",
            headers,
            body: JSON.stringify({ version, progress }),
          }).catch(() => undefined);
          if (response?.status !== 200) return;
          acknowledged.set(measureId, { version: version + 1, progress });
          answered++;
        }
      });
      while (answered < 200) await new Promise((r) => setTimeout(r, 20));
      server.child.kill("SIGKILL");
      await Promise.all(writers);
      await server.exited;

      const after = await open();
      try {
        const ids = targets.map((t) => t.measureId);
        const rows = await after.db.select().from(measures).where(inArray(measures.id, ids));
        for (const [measureId, { version, progress }] of acknowledged) {
          const row = rows.find((r) => r.id === measureId);
          // Stored as answered, or one change further: sent, committed, but not yet answered.
          if (row?.version === version) expect(row.progress).toBe(progress);
          else expect(row?.version).toBe(version + 1);
          const [entry] = await after.db
            .select({ after: auditLog.after })
            .from(auditLog)
            .where(and(eq(auditLog.entity, "measure"), eq(auditLog.entityId, measureId)))
            .orderBy(auditLog.seq)
            .offset(version - 2)
            .limit(1);
          expect(entry?.after).toMatchObject({ version });
        }
        expect(acknowledged.size).toBe(WRITERS);
        for (const { agencyId } of targets)
          expect((await verifyAudit({ db: after.db, agencyId })).problems).toEqual([]);
      } finally {
        await after.close();
      }
    }, 300_000);
  },
);
