import cluster from "node:cluster";
import { resolve } from "node:path";
import { buildApp } from "./app.ts";
import { startPrimary } from "./cluster-primary.ts";
import { startWorker } from "./cluster-worker.ts";
import { parseConfig } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { DEFAULT_WEB_DIR } from "./plugins/web-app.ts";
import { prepareDatabase, startHousekeeping } from "./server-duties.ts";
import { createSiteChecker } from "./services/oit-checker.ts";

/**
 * Starts the server: configuration, database and migrations, then HTTP; stops cleanly on signals.
 * With `WORKERS` above one, a primary process prepares the database and forks the workers.
 */
export async function startServer(env: Record<string, string | undefined>): Promise<void> {
  const config = parseConfig(env);
  if (cluster.isWorker) return startWorker(config);
  if (config.WORKERS > 1) return startPrimary(config);
  const database = await openDatabase(
    config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: resolve(config.DATA_DIR) },
  );
  await database.migrate();
  const app = await buildApp({
    config,
    database,
    webDir: DEFAULT_WEB_DIR,
    oitChecker: createSiteChecker(),
  });
  await prepareDatabase(database, app.log);
  const stopHousekeeping = await startHousekeeping({
    database,
    config,
    oitChecks: app.oitChecks,
    log: app.log,
  });
  app.addHook("onClose", stopHousekeeping);
  const stop = async () => {
    await app.close();
    await database.close();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stop());
  await app.listen({ port: config.PORT, host: config.HOST });
}
