import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { agencies, assessments, measures, results } from "../../db/schema.ts";
import { verifyAudit } from "../../services/verify-audit.ts";
import { buildMeasure, createTwoAgencyYears } from "../../test-assessments.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";
import { insertHuaiSakYear } from "../../test-year.ts";

// A server process remembers each measure as its last change there left it, and skips reading it
// when the next change sends that version. Two apps on one database stand for two processes:
// whatever happened elsewhere since, the answer must be the one a fresh read would give.
describe.each(engines)("a change of a remembered measure on %s", (engine) => {
  let database: Database;
  let here: FastifyInstance;
  let elsewhere: FastifyInstance;
  let agencyId: string;
  let assessmentId: string;
  let admin: Browser;
  const url = () => `/api/agencies/${agencyId}/assessments/${assessmentId}/measures`;
  const patch = (app: FastifyInstance, id: string, payload: Record<string, unknown>) =>
    app.inject({ method: "PATCH", url: `${url()}/${id}`, payload, ...admin });
  const created = async () => {
    const response = await here.inject({
      method: "POST",
      url: url(),
      payload: buildMeasure(),
      ...admin,
    });
    const { id } = response.json() as { id: string };
    // The first change here is read from the database; from then on this process remembers it.
    expect((await patch(here, id, { version: 1, progress: 10 })).statusCode).toBe(200);
    return id;
  };

  beforeAll(async () => {
    database = await freshDatabase(engine);
    here = await buildApp({ config: { LOG_LEVEL: "silent" }, database });
    elsewhere = await buildApp({ config: { LOG_LEVEL: "silent" }, database });
    ({ a: agencyId, assessmentA: assessmentId } = await createTwoAgencyYears(database.db));
    admin = await signInAs(here, database, [{ agencyId, role: "agency_admin" }]);
  });
  afterAll(async () => {
    await here?.close();
    await elsewhere?.close();
    await database?.close();
  });

  it("changes it again at the version it left, and chains the audit entry", async () => {
    const id = await created();
    const again = await patch(here, id, { version: 2, progress: 20 });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ version: 3, progress: 20 });
    // What it answers is what a fresh read gives.
    const read = await elsewhere.inject({ url: `${url()}/${id}`, ...admin });
    expect(read.json()).toEqual(again.json());
    expect((await verifyAudit({ db: database.db, agencyId })).problems).toEqual([]);
  });

  it("answers 409 when another process changed it since", async () => {
    const id = await created();
    expect((await patch(elsewhere, id, { version: 2, progress: 30 })).statusCode).toBe(200);
    const late = await patch(here, id, { version: 2, progress: 40 });
    expect(late.statusCode).toBe(409);
    const [row] = await database.db.select().from(measures).where(eq(measures.id, id));
    expect(row).toMatchObject({ version: 3, progress: 30 });
  });

  it("checks against the agency's divisions as they are now, not as remembered", async () => {
    const id = await created();
    const [agency] = await database.db.select().from(agencies).where(eq(agencies.id, agencyId));
    const divisions = agency?.divisions ?? [];
    expect(divisions).toContain("กองช่าง");
    await database.db
      .update(agencies)
      .set({ divisions: divisions.filter((d) => d !== "กองช่าง") })
      .where(eq(agencies.id, agencyId));
    try {
      const refused = await patch(here, id, { version: 2, responsible: ["กองช่าง"] });
      expect(refused.statusCode).toBe(400);
      const [row] = await database.db.select().from(measures).where(eq(measures.id, id));
      expect(row).toMatchObject({ version: 2, responsible: ["กองคลัง"] });
    } finally {
      await database.db.update(agencies).set({ divisions }).where(eq(agencies.id, agencyId));
    }
  });

  it("answers 404 when another process deleted it", async () => {
    const id = await created();
    const deleted = await elsewhere.inject({ method: "DELETE", url: `${url()}/${id}`, ...admin });
    expect(deleted.statusCode).toBe(204);
    expect((await patch(here, id, { version: 2, progress: 50 })).statusCode).toBe(404);
  });

  it("reads OIT items in the framework of the result as it is now, once the earlier result arrives", async () => {
    // 2566 measures answer the 2565 result (ADR 0005); until it is stored, they use 2566's numbering.
    const year = await insertHuaiSakYear({ db: database.db, result: false, measures: [] });
    const coordinator = await signInAs(here, database, [
      { agencyId: year.agencyId, role: "agency_admin" },
    ]);
    const base = `/api/agencies/${year.agencyId}/assessments/${year.assessmentId}/measures`;
    const change = (payload: Record<string, unknown>, id: string) =>
      here.inject({ method: "PATCH", url: `${base}/${id}`, payload, ...coordinator });
    const made = await here.inject({
      method: "POST",
      url: base,
      payload: buildMeasure({ oitItems: ["O10"] }),
      ...coordinator,
    });
    expect(made.statusCode).toBe(201);
    const { id } = made.json() as { id: string };
    const first = await change({ version: 1, oitItems: ["O10"] }, id);
    expect(first.json().oitItems).toEqual(["O10"]);
    // Elsewhere the 2565 result is entered: from now on O10 means 2565's o10.
    const [earlier] = await database.db
      .select({ id: assessments.id })
      .from(assessments)
      .where(and(eq(assessments.agencyId, year.agencyId), eq(assessments.fiscalYear, 2565)));
    if (!earlier) throw new Error("the example has no 2565 assessment");
    await database.db.insert(results).values({
      agencyId: year.agencyId,
      assessmentId: earlier.id,
      source: "entered",
      indicators: year.example.results.indicators,
      computedOverall: 90,
      computedLevel: "A",
      updatedBy: "test",
    });
    const again = await change({ version: 2, oitItems: ["O10"] }, id);
    expect(again.statusCode).toBe(200);
    expect(again.json().oitItems).toEqual(["o10"]);
  });
});
