import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "./app.ts";
import type { Database } from "./db/database.ts";
import { createAgency } from "./services/create-agency.ts";
import { engines, freshDatabase } from "./test-databases.ts";
import { buildAgency } from "./test-factories.ts";

describe.each(engines)("the server on %s", (engine) => {
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

  it("sends security headers", async () => {
    const response = await app.inject({ url: "/healthz" });
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["strict-transport-security"]).toBeDefined();
  });

  it("is alive and ready, on the expected engine", async () => {
    expect((await app.inject({ url: "/healthz" })).json()).toEqual({ status: "ok" });
    expect((await app.inject({ url: "/readyz" })).json()).toEqual({
      status: "ready",
      database: engine,
    });
  });

  it("is not ready while its sibling workers are still starting, and says so in Thai", async () => {
    let peers = false;
    const worker = await buildApp({
      config: { LOG_LEVEL: "silent" },
      database,
      peersReady: () => peers,
    });
    const early = await worker.inject({ url: "/readyz" });
    expect(early.statusCode).toBe(503);
    expect(early.json().error).toMatchObject({ code: "NOT_READY" });
    expect(early.json().error.message).toMatch(/กำลังเริ่มทำงาน/);
    expect((await worker.inject({ url: "/healthz" })).statusCode).toBe(200);
    peers = true;
    expect((await worker.inject({ url: "/readyz" })).statusCode).toBe(200);
    await worker.close();
  });

  it("has applied the migrations", async () => {
    const rows = await database.db.query.agencies.findMany();
    expect(rows).toEqual([]);
    const { id } = await createAgency({ db: database.db, actor: "test", agency: buildAgency() });
    const [created] = await database.db.query.agencies.findMany();
    expect(created?.id).toBe(id);
    expect(created?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created?.divisions).toEqual(["สำนักปลัดเทศบาล", "กองคลัง", "กองช่าง"]);
  });

  it("answers an unknown route with the error shape, in Thai", async () => {
    const response = await app.inject({ url: "/nope" });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: "NOT_FOUND", message: "ไม่พบ GET /nope / not found", details: [] },
    });
  });

  it("serves its OpenAPI description, generated from the route schemas", async () => {
    const spec = (await app.inject({ url: "/api/openapi.json" })).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(["/healthz", "/readyz"]));
    expect(
      spec.paths["/readyz"].get.responses["200"].content["application/json"].schema.properties
        .database.enum,
    ).toEqual(["pglite", "postgres"]);
    const docs = await app.inject({ url: "/api/docs/" });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers["content-type"]).toContain("text/html");
  });

  it("runs the migrations again without harm", async () => {
    await expect(database.migrate()).resolves.toBeUndefined();
  });
});
