import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFrameworks } from "../../../domain/framework/load-frameworks.ts";
import type { FrameworkDetail, FrameworkSummary } from "../../../shared/framework.ts";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { createAgency } from "../../services/create-agency.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { buildAgency } from "../../test-factories.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";

describe.each(engines)("framework routes on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let auditor: Browser;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({ config: { LOG_LEVEL: "silent" }, database });
    const { id } = await createAgency({ db: database.db, actor: "test", agency: buildAgency() });
    auditor = await signInAs(app, database, [{ agencyId: id, role: "auditor" }]);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("lists every loaded framework, oldest year first, to anyone signed in", async () => {
    const list = await app.inject({ url: "/api/frameworks", ...auditor });
    expect(list.statusCode).toBe(200);
    const frameworks: FrameworkSummary[] = list.json();
    const loaded = [...loadFrameworks().values()];
    expect(frameworks.map((f) => f.id)).toEqual(
      loaded.sort((a, b) => a.fiscalYear - b.fiscalYear).map((f) => f.id),
    );
    expect(frameworks.find((f) => f.id === "ita-2566")).toEqual({
      id: "ita-2566",
      fiscalYear: 2566,
      name: loadFrameworks().get("ita-2566")?.name,
    });
    expect((await app.inject({ url: "/api/frameworks" })).statusCode).toBe(401);
  });

  it("gives one framework as the data it was loaded from", async () => {
    const one = await app.inject({ url: "/api/frameworks/ita-2567", ...auditor });
    expect(one.statusCode).toBe(200);
    const framework: FrameworkDetail = one.json();
    expect(framework).toEqual(loadFrameworks().get("ita-2567"));
    expect(framework.indicators).toHaveLength(10);
    expect(framework.oit.flatMap((s) => s.items).length).toBeGreaterThan(0);
  });

  it("answers an unknown framework with 404 in Thai and English, naming the known ones", async () => {
    const missing = await app.inject({ url: "/api/frameworks/ita-2499", ...auditor });
    expect(missing.statusCode).toBe(404);
    const { error } = missing.json();
    expect(error.code).toBe("FRAMEWORK_NOT_FOUND");
    expect(error.message).toContain("ไม่พบกรอบการประเมิน ita-2499");
    expect(error.details[0].en).toContain("Unknown framework ita-2499");
    expect(error.details[0].en).toContain("ita-2566");
  });

  it("documents both routes under the frameworks tag", async () => {
    const spec = (await app.inject({ url: "/api/openapi.json" })).json();
    expect(spec.paths["/api/frameworks"].get.tags).toEqual(["frameworks"]);
    expect(spec.paths["/api/frameworks/{frameworkId}"].get.tags).toEqual(["frameworks"]);
  });
});
