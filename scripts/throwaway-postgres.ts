import { execFile } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "../src/server/test-process.ts";

// A throwaway PostgreSQL cluster on a free port, for tests and benchmarks; missing binaries fail.

const run = promisify(execFile);

function postgresBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => Number(v) >= 15 && existsSync(join(root, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const version = versions[0];
  if (!version)
    throw new Error(
      "PostgreSQL ≥ 15 server binaries are missing: install Debian's postgresql package, or set DATABASE_URL",
    );
  return join(root, version, "bin");
}

export interface ThrowawayPostgres {
  /** Connection URL of the cluster's `postgres` database. */
  url: string;
  stop(): Promise<void>;
}

/** Starts a new cluster; `durable: false` turns fsync off, which only tests may do. */
export async function startThrowawayPostgres({
  durable = false,
  maxConnections = 100,
}: {
  durable?: boolean;
  maxConnections?: number;
} = {}): Promise<ThrowawayPostgres> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), "prongsai-pg-"));
  const data = join(dir, "data");
  // PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    chownSync(dir, Number(stdout), Number(gid));
    chmodSync(dir, 0o700);
  }
  const pg = (tool: string, args: string[]) =>
    asRoot
      ? run("runuser", ["-u", "postgres", "--", join(bin, tool), ...args])
      : run(join(bin, tool), args);
  const port = await freePort();
  await pg("initdb", [
    "-D",
    data,
    "-U",
    "prongsai",
    "--auth=trust",
    "--encoding=UTF8",
    "--no-sync",
  ]);
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    `-c max_connections=${maxConnections}`,
    durable ? "" : "-c fsync=off",
  ].join(" ");
  await pg("pg_ctl", ["-D", data, "-l", join(dir, "server.log"), "-o", options, "-w", "start"]);
  return {
    url: `postgres://prongsai@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await pg("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
