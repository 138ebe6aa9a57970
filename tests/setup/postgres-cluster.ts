import { execFile } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { freePort } from "../../src/server/test-process.ts";

// Integration tests run against a real PostgreSQL server: DATABASE_URL when given, otherwise a
// throwaway cluster started here on a free port and removed afterwards. Missing binaries fail.

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

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

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) {
    project.provide("postgresUrl", process.env.DATABASE_URL);
    return async () => {};
  }
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
  await pg("pg_ctl", [
    "-D",
    data,
    "-l",
    join(dir, "server.log"),
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    "-w",
    "start",
  ]);
  project.provide("postgresUrl", `postgres://prongsai@127.0.0.1:${port}/postgres`);
  return async () => {
    await pg("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
}
