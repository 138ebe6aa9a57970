import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { agencies, measures } from "../../db/schema.ts";
import { verifyAudit } from "../../services/verify-audit.ts";
import { buildMeasure, createTwoAgencyYears } from "../../test-assessments.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";

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
});
