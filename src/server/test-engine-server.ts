import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, openDatabase } from "./db/database.ts";
import { type engines, freshPostgresUrl } from "./test-databases.ts";
import { freePort, type ServerProcess, serve, whenReady } from "./test-process.ts";

// Test-only: `prongsai serve` as a separate process on either engine, for tests that kill and
// restart it, with its database also opened directly as the next start would find it.

export interface EngineServer {
  /** The server's database, opened directly; close it before the next start on PGlite. */
  open(): Promise<Database>;
  /** Starts the server on a free port with `extra` settings and waits until it is ready. */
  start(extra?: Record<string, string>): Promise<{ server: ServerProcess; base: string }>;
  /** Removes the data directory. */
  remove(): Promise<void>;
}

export async function engineServer(
  engine: (typeof engines)[number],
  prefix: string,
): Promise<EngineServer> {
  const dataDir = await mkdtemp(join(tmpdir(), prefix));
  const url = engine === "postgres" ? await freshPostgresUrl() : undefined;
  const env: Record<string, string> = url
    ? { DATABASE_URL: url, DATA_DIR: dataDir }
    : { DATA_DIR: dataDir };
  return {
    open: () => openDatabase(url ? { url } : { dataDir }),
    async start(extra = {}) {
      const port = await freePort();
      const server = serve({ ...env, ...extra, PORT: String(port), HOST: "127.0.0.1" });
      await whenReady(port);
      return { server, base: `http://127.0.0.1:${port}` };
    },
    remove: () => rm(dataDir, { recursive: true, force: true }),
  };
}
