import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { publicCss } from "../../pages/public-styles.ts";
import { engines, freshDatabase } from "../../test-databases.ts";

const require = createRequire(import.meta.url);

describe.each(engines)("font route on %s", (engine) => {
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

  it("serves every face the public stylesheet names, cached for good", async () => {
    const urls = [...publicCss.matchAll(/url\((\/fonts\/[^)]+)\)/g)].map((m) => m[1] ?? "");
    expect(urls).toHaveLength(4);
    for (const url of urls) {
      const answer = await app.inject({ url });
      expect(answer.statusCode, url).toBe(200);
      expect(answer.headers["content-type"]).toBe("font/woff2");
      expect(answer.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      const file = new URL(url, "http://x").pathname.replace("/fonts/", "");
      expect(
        answer.rawPayload.equals(
          readFileSync(require.resolve(`@fontsource/sarabun/files/${file}`)),
        ),
      ).toBe(true);
    }
    expect(publicCss).toContain("font-display:swap");
  });

  it("refuses any other file, including paths out of the font directory", async () => {
    for (const url of [
      "/fonts/sarabun-thai-400-normal.woff",
      "/fonts/sarabun-thai-500-normal.woff2",
      "/fonts/..%2Fpackage.json",
      "/fonts/%2e%2e%2f%2e%2e%2fpackage.json",
      "/fonts/index.css",
    ]) {
      const answer = await app.inject({ url });
      expect(answer.statusCode, url).toBe(404);
      expect(answer.headers["content-type"], url).toContain("application/json");
      expect(answer.body, url).not.toContain("Sarabun");
    }
  });
});
