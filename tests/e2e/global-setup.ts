import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FullConfig } from "@playwright/test";
import { build } from "vite";
import { assertPortFree, serve, whenReady } from "../../src/server/test-process.ts";
import { ACCOUNTS_FILE, type DemoAccounts } from "./accounts.ts";

/** Builds the admin app, starts `prongsai serve` on a fresh embedded database, keeps its demo passwords. */
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  await build({ configFile: "vite.config.ts", logLevel: "warn" });
  const baseURL = config.projects[0]?.use.baseURL ?? "";
  const port = Number(new URL(baseURL).port);
  await assertPortFree(port).catch((error: unknown) => {
    throw new Error(`${String(error)} (set E2E_PORT)`);
  });
  const dataDir = mkdtempSync(join(tmpdir(), "prongsai-e2e-"));
  const server = serve({
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    PUBLIC_URL: baseURL,
  });
  try {
    // Generous: the first start migrates a new database, on a machine that may be busy.
    await whenReady(port, 120);
  } catch (error) {
    server.child.kill("SIGKILL");
    throw new Error(`the server did not start:\n${server.stderr()}\n${server.stdout()}`, {
      cause: error,
    });
  }
  const line = server
    .stdout()
    .split("\n")
    .find((l) => l.includes("demoAccounts"));
  if (!line) throw new Error(`the demo accounts were not logged:\n${server.stdout()}`);
  const { demoAccounts } = JSON.parse(line) as { demoAccounts: DemoAccounts["accounts"] };
  const surveyLine = server
    .stdout()
    .split("\n")
    .find((l) => l.includes("demoSurvey"));
  const survey = surveyLine
    ? (JSON.parse(surveyLine) as { demoSurvey: DemoAccounts["survey"] }).demoSurvey
    : undefined;
  mkdirSync("test-results/e2e", { recursive: true });
  writeFileSync(
    ACCOUNTS_FILE,
    JSON.stringify({ accounts: demoAccounts, survey } satisfies DemoAccounts),
  );
  return async () => {
    server.child.kill("SIGTERM");
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
}
