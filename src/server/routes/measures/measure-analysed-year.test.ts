import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFrameworks } from "../../../domain/framework/load-frameworks.ts";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { loadMeasuresInput } from "../../services/load-measures-input.ts";
import { buildMeasure } from "../../test-assessments.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { signInAs } from "../../test-sessions.ts";
import { insertHuaiSakYear } from "../../test-year.ts";

// Measures of 2566 answer the 2565 result (ADR 0005): their OIT items are numbered as in the
// 2565 framework, where o10 is the operating plan — in 2566, O10 is the personal-data policy.
describe.each(engines)("a measure's OIT items on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({ config: { LOG_LEVEL: "silent" }, database });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("reads them in the framework of the result the measures answer, so the document agrees", async () => {
    const { agencyId, assessmentId } = await insertHuaiSakYear({ db: database.db });
    const coordinator = await signInAs(app, database, [{ agencyId, role: "agency_admin" }]);
    const created = await app.inject({
      method: "POST",
      url: `/api/agencies/${agencyId}/assessments/${assessmentId}/measures`,
      payload: buildMeasure({ oitItems: ["O10"], indicators: [9] }),
      ...coordinator,
    });
    expect(created.statusCode).toBe(201);
    // Stored in the 2565 spelling, meaning the 2565 item.
    expect(created.json().oitItems).toEqual(["o10"]);
    const { input } = await loadMeasuresInput({
      db: database.db,
      frameworks: loadFrameworks(),
      agencyId,
      assessmentId,
    });
    expect(input.results.framework).toBe("ita-2565");
    expect(input.measures.at(-1)?.oitItems).toEqual(["o10"]);
  });
});
