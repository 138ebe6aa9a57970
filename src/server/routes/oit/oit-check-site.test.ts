import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFrameworks } from "../../../domain/framework/load-frameworks.ts";
import { buildMunicipality, withOrigin } from "../../../evidence/test-municipality.ts";
import { type FixtureSite, startFixtureSite } from "../../../evidence/test-site.ts";
import type { OitChecklistResponse } from "../../../shared/oit.ts";
import type { OitCheckRun } from "../../../shared/oit-check.ts";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { auditLog, oitAnswers, oitCheckArchive } from "../../db/schema.ts";
import { createAgency } from "../../services/create-agency.ts";
import { createSiteChecker } from "../../services/oit-checker.ts";
import { createTestAssessment } from "../../test-assessments.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { buildAgency } from "../../test-factories.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";

const framework = loadFrameworks().get("ita-2566");
if (!framework) throw new Error("no ita-2566");

// The real website checker over a small municipality site served by this test on 127.0.0.1.
describe.each(engines)("OIT website check of a local site on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let site: FixtureSite;
  let coordinator: Browser;
  let base = "";
  let agencyId = "";

  beforeAll(async () => {
    const routes = await buildMunicipality({
      framework: framework as NonNullable<typeof framework>,
      variants: { O19: "old", O20: "broken", O22: "missing", O27: "unlinked" },
      pdf: async () => {
        throw new Error("this site has no PDF");
      },
    });
    site = await startFixtureSite(routes);
    withOrigin(routes, site.url);
    database = await freshDatabase(engine);
    app = await buildApp({
      config: { LOG_LEVEL: "silent", OIT_CHECK_ALLOW_PRIVATE: true },
      database,
      oitChecker: createSiteChecker(),
      now: () => new Date("2023-06-01T03:00:00Z"),
    });
    agencyId = (
      await createAgency({
        db: database.db,
        actor: "test",
        agency: buildAgency({ website: site.url }),
      })
    ).id;
    const assessmentId = (await createTestAssessment({ db: database.db, agencyId })).id;
    base = `/api/agencies/${agencyId}/assessments/${assessmentId}/oit`;
    coordinator = await signInAs(app, database, [{ agencyId, role: "agency_admin" }]);
    // The agency names the page no link leads to as its evidence for O27.
    await database.db.insert(oitAnswers).values({
      agencyId,
      assessmentId,
      itemId: "O27",
      has: true,
      urls: [`${site.url}ita/complaint-guideline.html`],
      updatedBy: "test",
    });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await site?.close();
  });

  it("runs in the background with progress, and stores each item's finding and what it read", async () => {
    const started = await app.inject({ method: "POST", url: `${base}/check-runs`, ...coordinator });
    expect(started.statusCode, started.body).toBe(202);
    expect((started.json() as OitCheckRun).status).toBe("queued");
    const again = await app.inject({ method: "POST", url: `${base}/check-runs`, ...coordinator });
    expect(again.statusCode).toBe(409);
    let run: OitCheckRun | null = null;
    for (let i = 0; i < 600; i++) {
      const latest = await app.inject({ url: `${base}/check-runs/latest`, ...coordinator });
      run = (latest.json() as { run: OitCheckRun | null }).run;
      if (run?.status === "done" || run?.status === "failed") break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(run).toMatchObject({ status: "done", error: null });
    expect(run?.done).toBe(run?.total);
    const checklist = (
      await app.inject({ url: base, ...coordinator })
    ).json() as OitChecklistResponse;
    const finding = (id: string) =>
      checklist.subIndicators.flatMap((s) => s.items).find((i) => i.id === id)?.check;
    expect(finding("O1")).toMatchObject({ status: "pass" });
    expect(finding("O1")?.url).toContain(site.url);
    expect(finding("O1")?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(finding("O19")?.status).toBe("outdated");
    expect(finding("O20")?.status).toBe("broken");
    expect(finding("O22")?.status).toBe("missing");
    expect(finding("O22")?.reason).toMatch(/[ก-๙]/);
    expect(finding("O27")?.status).toBe("orphan");
    const archive = await database.db
      .select()
      .from(oitCheckArchive)
      .where(eq(oitCheckArchive.agencyId, agencyId));
    expect(archive.length).toBeGreaterThan(10);
    expect(archive.some((r) => r.sha256 === finding("O1")?.sha256)).toBe(true);
    const done = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.agencyId, agencyId), eq(auditLog.action, "oit.check_done")));
    expect(done).toHaveLength(1);
  }, 120_000);
});
