import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, serve, whenReady } from "./test-process.ts";

describe("prongsai serve", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "prongsai-serve-"));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("starts on the embedded database, answers, and stops cleanly on SIGTERM", async () => {
    const port = await freePort();
    const env = { PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir };
    const server = serve(env);
    expect(await (await whenReady(port)).json()).toEqual({ status: "ready", database: "pglite" });
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    // An empty database got the demo, its one-time passwords printed once.
    expect(server.stdout()).toContain("coordinator@huaisak.local");
    const again = serve(env);
    await whenReady(port);
    again.child.kill("SIGTERM");
    expect(await again.exited).toBe(0);
    expect(again.stdout()).not.toContain("coordinator@huaisak.local");
  });

  it("refuses to start on a bad configuration, listing every problem", async () => {
    const server = serve({ PORT: "eighty", DATABASE_URL: "mysql://db/ita" });
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toContain("CONFIG_INVALID");
    expect(server.stderr()).toContain("PORT");
    expect(server.stderr()).toContain("DATABASE_URL");
  });
});
