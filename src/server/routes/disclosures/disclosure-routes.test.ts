import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DisclosurePage } from "../../../shared/disclosure.ts";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { NATIONAL_SCOPE, oitChecks } from "../../db/schema.ts";
import { createAgency } from "../../services/create-agency.ts";
import { createTestAssessment } from "../../test-assessments.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { buildAgency } from "../../test-factories.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";

describe.each(engines)("GET /api/national/disclosures on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let agencyId = "";
  let national: Browser;

  const disclosures = (query: string, who?: Browser) =>
    app.inject({ url: `/api/national/disclosures?${query}`, ...who });

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({ config: { LOG_LEVEL: "silent" }, database });
    const { db } = database;
    agencyId = (
      await createAgency({ db, actor: "test", agency: buildAgency({ province: "เชียงราย" }) })
    ).id;
    const { id: assessmentId } = await createTestAssessment({ db, agencyId });
    await db.insert(oitChecks).values({
      agencyId,
      assessmentId,
      itemId: "O42",
      status: "pass",
      url: "https://www.huaisak.go.th/ita/measures.html",
      reason: "พบเอกสารของปีงบประมาณที่กำหนด",
      reasonEn: "found for the required fiscal year",
      checkedAt: new Date("2023-05-01T02:00:00Z"),
    });
    national = await signInAs(app, database, [
      { agencyId: NATIONAL_SCOPE, role: "national_admin" },
    ]);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("gives national administrators each agency's disclosures with the counts", async () => {
    const response = await disclosures("fiscalYear=2566&province=เชียงราย", national);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as DisclosurePage;
    expect(body.total).toBe(1);
    expect(body.rows[0]?.disclosures["measures-document"]).toMatchObject({
      itemId: "O42",
      status: "pass",
      checkedAt: "2023-05-01T02:00:00.000Z",
    });
    expect(body.rows[0]?.disclosures["measures-progress"]?.status).toBe("unchecked");
    expect(body.counts["measures-document"].pass).toBe(1);
    const passing = (await disclosures("fiscalYear=2566&status=missing", national)).json();
    expect((passing as DisclosurePage).total).toBe(0);
  });

  it("lets auditors read it, and refuses every other agency role and strangers", async () => {
    const auditor = await signInAs(app, database, [{ agencyId, role: "auditor" }]);
    expect((await disclosures("fiscalYear=2566", auditor)).statusCode).toBe(200);
    for (const role of ["agency_admin", "division_officer", "evaluator"] as const) {
      const person = await signInAs(app, database, [
        { agencyId, role, division: role === "division_officer" ? "กองคลัง" : undefined },
      ]);
      const refused = await disclosures("fiscalYear=2566", person);
      expect(refused.statusCode, role).toBe(403);
      expect(refused.json().error.code).toBe("FORBIDDEN");
      expect(refused.json().error.message).toMatch(/[ก-๙]/);
    }
    expect((await disclosures("fiscalYear=2566")).statusCode).toBe(401);
  });

  it("lists every problem of a bad query in Thai and English", async () => {
    const bad = await disclosures(
      "fiscalYear=abc&province=ดาวอังคาร&type=x&status=lost&page=0&pageSize=500",
      national,
    );
    expect(bad.statusCode).toBe(400);
    const details: { path: string; th: string; en: string }[] = bad.json().error.details;
    expect(details.map((d) => d.path).sort()).toEqual([
      "querystring.fiscalYear",
      "querystring.page",
      "querystring.pageSize",
      "querystring.province",
      "querystring.status",
      "querystring.type",
    ]);
    for (const d of details) {
      expect(d.th).toMatch(/[\u0E00-\u0E7F]/);
      expect(d.en).toMatch(/[a-z]/);
    }
    const empty = await disclosures("", national);
    expect(empty.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      "querystring.fiscalYear",
    ]);
  });
});
