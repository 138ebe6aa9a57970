import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roundHalfUp } from "../../../domain/thai/numerals.ts";
import type { ImportSummary } from "../../../shared/result.ts";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { assessments, auditLog, results } from "../../db/schema.ts";
import { createAgency } from "../../services/create-agency.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { buildAgency } from "../../test-factories.ts";
import { multipartForm } from "../../test-multipart.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";

// Huai Sak's published indicator scores (78.33, level B).
const huaiSak = [93.7, 93.2, 93.1, 95.7, 84.8, 75.0, 69.7, 69.5, 74.8, 71.6];
const header = [
  "agency id",
  "fiscal year",
  ...huaiSak.map((_, i) => `i${i + 1}`),
  "overall",
  "level",
];
const csv = (rows: (string | number)[][]) =>
  Buffer.from([header, ...rows].map((r) => r.join(",")).join("\n"));

describe.each(engines)("the results import preview on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let coordinator: Browser;
  let stored: string;
  let fresh: string;
  const send = async (bytes: Buffer, dryRun: boolean) => {
    const form = multipartForm("results.csv", "text/csv", bytes);
    const response = await app.inject({
      method: "POST",
      url: `/api/imports/results${dryRun ? "?dryRun=true" : ""}`,
      payload: form.payload,
      cookies: coordinator.cookies,
      headers: { ...coordinator.headers, ...form.headers },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ImportSummary;
  };
  const snapshot = async () => ({
    assessments: await database.db.select().from(assessments),
    results: await database.db.select().from(results),
    audit: (await database.db.select().from(auditLog)).length,
  });

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({ config: { LOG_LEVEL: "silent" }, database });
    const agency = async (name: string) =>
      (await createAgency({ db: database.db, actor: "test", agency: buildAgency({ name }) })).id;
    stored = await agency("เทศบาลตำบลห้วยสัก");
    fresh = await agency("เทศบาลตำบลบ้านใหม่");
    // A coordinator of both agencies: rows of either may be written.
    coordinator = await signInAs(app, database, [
      { agencyId: stored, role: "agency_admin" },
      { agencyId: fresh, role: "agency_admin" },
    ]);
    await send(csv([[stored, 2565, ...huaiSak, 78.33, "B"]]), false);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("tells, per agency-year, what is stored now and what the file would store, writing nothing", async () => {
    const raised = huaiSak.map((s, i) => (i === 6 ? 85 : s));
    const file = csv([
      [stored, 2565, ...raised, 79.86, "B"],
      [fresh, 2566, ...huaiSak, 78.33, "B"],
    ]);
    const before = await snapshot();
    const summary = await send(file, true);
    expect(await snapshot()).toEqual(before);
    // The fields a dry run always had are still there.
    expect(summary).toMatchObject({ dryRun: true, rows: 2, agencies: 2, assessmentsCreated: 1 });
    const [update, created] = summary.changes ?? [];
    expect(update).toMatchObject({
      row: 2,
      agencyId: stored,
      agencyName: "เทศบาลตำบลห้วยสัก",
      fiscalYear: 2565,
      frameworkId: "ita-2565",
      unchanged: false,
      current: {
        source: "imported",
        level: "B",
        official: { overall: 78.33, level: "B" },
        oitVerdicts: 0,
      },
      incoming: { level: "B", official: { overall: 79.86, level: "B" }, oitVerdicts: 0 },
    });
    expect(update?.current?.indicators["7"]).toBe(69.7);
    expect(update?.incoming.indicators["7"]).toBe(85);
    expect(roundHalfUp(update?.current?.overall ?? 0, 2)).toBe(78.33);
    expect(roundHalfUp(update?.incoming.overall ?? 0, 2)).toBe(79.86);
    expect(created).toMatchObject({
      row: 3,
      agencyId: fresh,
      agencyName: "เทศบาลตำบลบ้านใหม่",
      fiscalYear: 2566,
      frameworkId: "ita-2566",
      current: null,
      unchanged: false,
    });
    expect(Object.values(created?.incoming.indicators ?? {})).toEqual(huaiSak);
  });

  it("marks a row that would store exactly what is stored as unchanged", async () => {
    const summary = await send(csv([[stored, 2565, ...huaiSak, 78.33, "B"]]), true);
    expect(summary.changes?.map((c) => c.unchanged)).toEqual([true]);
  });

  it("leaves the preview out of a real import's answer", async () => {
    const summary = await send(csv([[fresh, 2565, ...huaiSak, 78.33, "B"]]), false);
    expect(summary.dryRun).toBe(false);
    expect(summary.changes).toBeUndefined();
  });

  it("documents the preview in the OpenAPI response", async () => {
    const spec = (await app.inject({ url: "/api/openapi.json" })).json();
    const ok = spec.paths["/api/imports/results"].post.responses["200"];
    const schema = ok.content["application/json"].schema;
    expect(Object.keys(schema.properties)).toContain("changes");
  });
});
