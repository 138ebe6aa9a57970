import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `prongsai serve` as an operator runs it: a real process, configured by the environment.
const bin = fileURLToPath(new URL("../../bin/prongsai.js", import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function serve(env: Record<string, string>): {
  child: ChildProcess;
  exit: Promise<number>;
  stderr: () => string;
  stdout: () => string;
} {
  const child = spawn(process.execPath, [bin, "serve"], {
    env: { ...process.env, DATABASE_URL: "", LOG_LEVEL: "warn", ...env },
  });
  let stderr = "";
  let stdout = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const exit = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? -1)));
  return { child, exit, stderr: () => stderr, stdout: () => stdout };
}

async function waitForHealth(port: number): Promise<Response> {
  for (let i = 0; i < 300; i++) {
    const response = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
    if (response) return response;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the server did not answer within 30 s");
}

describe("prongsai serve", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "prongsai-serve-"));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("starts on the embedded database, answers, and stops cleanly on SIGTERM", async () => {
    const port = await freePort();
    const server = serve({ PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir });
    const response = await waitForHealth(port);
    expect(await response.json()).toEqual({ status: "ready", database: "pglite" });
    server.child.kill("SIGTERM");
    expect(await server.exit).toBe(0);
    // An empty database got the demo, its one-time passwords printed once.
    expect(server.stdout()).toContain("coordinator@huaisak.local");
    const again = serve({ PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir });
    await waitForHealth(port);
    again.child.kill("SIGTERM");
    expect(await again.exit).toBe(0);
    expect(again.stdout()).not.toContain("coordinator@huaisak.local");
  });

  it("refuses to start on a bad configuration, listing every problem", async () => {
    const server = serve({ PORT: "eighty", DATABASE_URL: "mysql://db/ita" });
    expect(await server.exit).toBe(1);
    expect(server.stderr()).toContain("CONFIG_INVALID");
    expect(server.stderr()).toContain("PORT");
    expect(server.stderr()).toContain("DATABASE_URL");
  });
});
