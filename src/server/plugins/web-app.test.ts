import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import type { Database } from "../db/database.ts";
import { freshDatabase } from "../test-databases.ts";

describe("the built admin app, served by the server", () => {
  let app: FastifyInstance;
  let database: Database;
  const webDir = mkdtempSync(join(tmpdir(), "prongsai-web-"));
  const script = "console.log('โปร่งใส');";

  beforeAll(async () => {
    mkdirSync(join(webDir, "assets"));
    writeFileSync(join(webDir, "index.html"), "<!doctype html><title>app</title>");
    writeFileSync(join(webDir, "assets", "index-abc123.js"), script);
    writeFileSync(join(webDir, "assets", "index-abc123.js.gz"), gzipSync(script));
    database = await freshDatabase("pglite");
    app = await buildApp({ config: { LOG_LEVEL: "silent" }, database, webDir });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it("answers any page address with index.html, never cached, so the browser's router takes over", async () => {
    for (const url of ["/", "/agencies/123/2566/measures", "/signin?x=1"]) {
      const response = await app.inject({ url, headers: { accept: "text/html" } });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain("<title>app</title>");
      expect(response.headers["cache-control"]).toBe("no-cache");
    }
  });

  it("serves hashed assets for a year, compressed when the browser accepts gzip", async () => {
    const plain = await app.inject({ url: "/assets/index-abc123.js" });
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toBe(script);
    expect(plain.headers["cache-control"]).toContain("immutable");
    const zipped = await app.inject({
      url: "/assets/index-abc123.js",
      headers: { "accept-encoding": "gzip" },
    });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
  });

  it("keeps the JSON 404 for API addresses, missing assets and non-page requests", async () => {
    for (const [url, accept] of [
      ["/api/nothing-here", "text/html"],
      ["/assets/missing.js", "*/*"],
      ["/some/page", "application/json"],
    ] as const) {
      const response = await app.inject({ url, headers: { accept } });
      expect(response.statusCode, url).toBe(404);
      expect(response.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    }
    const write = await app.inject({
      method: "POST",
      url: "/agencies",
      headers: { accept: "text/html" },
    });
    expect(write.statusCode).toBe(404);
  });
});
