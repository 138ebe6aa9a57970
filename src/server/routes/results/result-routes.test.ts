import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadFrameworks } from "../../../domain/framework/load-frameworks.ts";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { auditLog, results } from "../../db/schema.ts";
import { createAgency } from "../../services/create-agency.ts";
import { openFiscalYear } from "../../services/open-fiscal-year.ts";
import { verifyAudit } from "../../services/verify-audit.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { buildAgency } from "../../test-factories.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";

const readYaml = (path: string) =>
  parse(readFileSync(new URL(`../../../../${path}`, import.meta.url), "utf8"));
// Huai Sak's published indicator scores give 78.33 (B); its hand-written document claimed 70.64 (C).
const huaiSak: Record<string, number> = readYaml("examples/huai-sak-2566.yaml").results.indicators;
const claimed = readYaml("tests/fixtures/huai-sak-2566-official-70.64.yaml").results.official;

describe.each(engines)("result routes on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let a: string;
  let b: string;
  let ofA: string;
  let ofB: string;
  let evaluator: Browser & { userId: string };
  const url = (agencyId: string, assessmentId: string) =>
    `/api/agencies/${agencyId}/assessments/${assessmentId}/result`;
  const put = (agencyId: string, assessmentId: string, payload: object, browser: Browser) =>
    app.inject({ method: "PUT", url: url(agencyId, assessmentId), payload, ...browser });

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({ config: { LOG_LEVEL: "silent" }, database });
    const agency = async (name: string) =>
      (await createAgency({ db: database.db, actor: "test", agency: buildAgency({ name }) })).id;
    a = await agency("เทศบาลตำบลห้วยสัก");
    b = await agency("เทศบาลตำบลบี");
    const opened = await openFiscalYear({
      db: database.db,
      frameworks: loadFrameworks(),
      actor: "test",
      fiscalYear: 2565,
    });
    const idOf = (agencyId: string) =>
      opened.createdAssessments.find((c) => c.agencyId === agencyId)?.assessmentId ?? "";
    ofA = idOf(a);
    ofB = idOf(b);
    evaluator = await signInAs(app, database, [{ agencyId: a, role: "evaluator" }]);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("says there is no result yet, in Thai", async () => {
    const none = await app.inject({ url: url(a, ofA), ...evaluator });
    expect(none.statusCode).toBe(404);
    expect(none.json().error.message).toContain("ยังไม่มีผลการประเมิน");
  });

  it("keeps an official figure that disagrees with the recomputed one, flags it and audits before and after", async () => {
    const entered = await put(a, ofA, { indicators: huaiSak, official: claimed }, evaluator);
    expect(entered.statusCode, entered.body).toBe(200);
    const result = entered.json();
    expect(result).toMatchObject({
      source: "entered",
      fiscalYear: 2565,
      frameworkId: "ita-2565",
      official: { overall: 70.64, level: "C" },
      computed: { level: "B" },
      // FY2565 had no rating yet; the writer is named as people know them.
      rating: null,
      updatedBy: evaluator.userId,
      updatedByName: "evaluator",
    });
    expect(result.computed.overall).toBeCloseTo(78.33, 6);
    expect(result.discrepancy).toBeCloseTo(-7.69, 6);
    expect(result.explanation.th).toContain("70.64");
    expect(result.explanation.en).toContain("78.33");
    const read = await app.inject({ url: url(a, ofA), ...evaluator });
    expect(read.json()).toEqual(result);

    const corrected = await put(
      a,
      ofA,
      { indicators: huaiSak, official: { overall: 78.33 } },
      evaluator,
    );
    expect(corrected.json()).toMatchObject({ discrepancy: null, explanation: null });
    const entries = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.agencyId, a), eq(auditLog.action, "result.enter")));
    expect(entries).toHaveLength(2);
    expect(entries[0]?.before).toBeNull();
    expect(entries[1]?.before).toMatchObject({ officialOverall: 70.64, officialLevel: "C" });
    expect(entries[1]?.after).toMatchObject({ officialOverall: 78.33, discrepancy: null });
    expect((await verifyAudit({ db: database.db })).problems).toEqual([]);
  });

  it("rates a year that has a rating rule, from the recomputed figures", async () => {
    const opened = await openFiscalYear({
      db: database.db,
      frameworks: loadFrameworks(),
      actor: "test",
      fiscalYear: 2566,
      agencyIds: [a],
    });
    const of2566 = opened.createdAssessments[0]?.assessmentId ?? "";
    const entered = await put(a, of2566, { indicators: huaiSak }, evaluator);
    expect(entered.statusCode, entered.body).toBe(200);
    expect(entered.json().rating).toEqual({
      id: "improve",
      th: "ต้องปรับปรุง",
      en: "Needs improvement",
    });
    const read = await app.inject({ url: url(a, of2566), ...evaluator });
    expect(read.json().rating.id).toBe("improve");
  });

  it("lists every problem of a bad result and stores nothing", async () => {
    const shape = await put(
      b,
      ofB,
      { indicators: { 3: 120, x: 5 }, official: { overall: "high" }, colour: "red" },
      await signInAs(app, database, [{ agencyId: b, role: "agency_admin" }]),
    );
    expect(shape.statusCode).toBe(400);
    expect(
      shape
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(
      ["body.colour", "body.indicators.3", "body.indicators.x", "body.official.overall"].sort(),
    );
    const { 10: _dropped, ...nine } = huaiSak;
    const coordinator = await signInAs(app, database, [{ agencyId: b, role: "agency_admin" }]);
    const framework = await put(
      b,
      ofB,
      {
        indicators: { ...nine, 11: 50 },
        oit: { o99: "pass", O1: "pass" },
        official: { overall: 80, level: "Z" },
      },
      coordinator,
    );
    expect(framework.statusCode).toBe(400);
    expect(framework.json().error.code).toBe("INPUT_INVALID");
    const details = framework.json().error.details;
    expect(details.map((d: { path: string }) => d.path)).toEqual([
      "body.indicators.11",
      "body.indicators.10",
      "body.oit.o99",
      "body.official.level",
    ]);
    expect(details[1].th).toContain("ขาดคะแนนตัวชี้วัดที่ 10");
    const stored = await database.db.select().from(results).where(eq(results.agencyId, b));
    expect(stored).toEqual([]);
  });

  it("answers another agency's assessment id with not found, changing nothing", async () => {
    const coordinatorOfB = await signInAs(app, database, [{ agencyId: b, role: "agency_admin" }]);
    const crossed = await put(b, ofA, { indicators: huaiSak }, coordinatorOfB);
    expect(crossed.statusCode).toBe(404);
    expect((await app.inject({ url: url(b, ofA), ...coordinatorOfB })).statusCode).toBe(404);
    const [kept] = await database.db.select().from(results).where(eq(results.assessmentId, ofA));
    expect(kept?.officialOverall).toBe(78.33);
  });

  it("lets auditors and division officers read but not write, and refuses every role of another agency", async () => {
    for (const role of ["auditor", "division_officer"] as const) {
      const reader = await signInAs(app, database, [{ agencyId: a, role }]);
      expect((await app.inject({ url: url(a, ofA), ...reader })).statusCode, role).toBe(200);
      expect((await put(a, ofA, { indicators: huaiSak }, reader)).statusCode, role).toBe(403);
    }
    for (const role of ["agency_admin", "division_officer", "evaluator", "auditor"] as const) {
      const outsider = await signInAs(app, database, [{ agencyId: b, role }]);
      const read = await app.inject({ url: url(a, ofA), ...outsider });
      expect(read.statusCode, role).toBe(403);
      expect(read.json().error.message).toBe("คุณไม่ได้เป็นสมาชิกของหน่วยงานนี้");
      expect((await put(a, ofA, { indicators: huaiSak }, outsider)).statusCode, role).toBe(403);
    }
    expect((await app.inject({ url: url(a, ofA) })).statusCode).toBe(401);
  });
});
