import cluster, { type Worker } from "node:cluster";
import { pino } from "pino";
import { z } from "zod";
import { loadFrameworks } from "../domain/framework/load-frameworks.ts";
import type { PeersReadyMessage } from "./cluster-worker.ts";
import type { Config } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { withServerFlags } from "./node-flags.ts";
import { prepareDatabase, startHousekeeping } from "./server-duties.ts";
import { loadStoredFrameworks } from "./services/load-stored-frameworks.ts";
import { createOitCheckJobs } from "./services/oit-check-jobs.ts";
import { createSiteChecker } from "./services/oit-checker.ts";
import { createBurstWatch } from "./services/survey-burst-watch.ts";

const burstMessage = z.object({
  kind: z.literal("survey-burst"),
  stored: z.array(
    z.object({
      agencyId: z.string(),
      assessmentId: z.string(),
      tool: z.string(),
      count: z.number().int().positive(),
    }),
  ),
});

/** How long a stopping worker may take to finish its requests before it is killed. */
const STOP_GRACE_MS = 30_000;

/**
 * The primary of `prongsai serve --workers N`: prepares the database once, does the work done
 * for all (website-check recovery, reminders, the burst watch fed by the workers), and keeps N
 * stateless workers serving the shared port, restarting any that dies.
 */
export async function startPrimary(config: Config): Promise<void> {
  if (!config.DATABASE_URL) throw new Error("several workers need DATABASE_URL");
  const log = pino({ level: config.LOG_LEVEL });
  const database = await openDatabase({ url: config.DATABASE_URL });
  await prepareDatabase(database, log);
  const frameworks = new Map(loadFrameworks());
  for (const framework of await loadStoredFrameworks(database.db))
    if (!frameworks.has(framework.id)) frameworks.set(framework.id, framework);
  const now = () => new Date();
  const oitChecks = createOitCheckJobs({
    db: database.db,
    frameworks,
    checker: createSiteChecker(),
    now,
    allowPrivate: config.OIT_CHECK_ALLOW_PRIVATE,
    log,
  });
  const stopHousekeeping = await startHousekeeping({ database, config, oitChecks, log });
  const burstWatch = createBurstWatch({ db: database.db, frameworks, now });
  cluster.on("message", (_worker, message: unknown) => {
    const parsed = burstMessage.safeParse(message);
    if (!parsed.success) return;
    burstWatch.observe(parsed.data.stored).catch((error: unknown) => {
      log.error({ err: error }, "survey burst watch failed");
    });
  });

  let stopping = false;
  cluster.setupPrimary({ execArgv: withServerFlags(process.execArgv) });
  const fork = () => cluster.fork({ WORKERS: String(config.WORKERS) });
  cluster.on("exit", (worker, code, signal) => {
    listening.delete(worker.id);
    if (stopping) return;
    log.error(
      { worker: worker.id, code, signal },
      "โปรเซสย่อยหยุดทำงาน เริ่มใหม่ / a worker exited; starting another",
    );
    // A second's pause, so a worker that cannot start does not spin.
    setTimeout(() => {
      if (!stopping) fork();
    }, 1000).unref();
  });
  // Every worker hears once all listen: until then each says it is not ready, so the first
  // clients do not open all their kept-alive connections to the one worker that started first.
  const listening = new Map<number, Worker>();
  cluster.on("listening", (worker) => {
    listening.set(worker.id, worker);
    if (listening.size < config.WORKERS) return;
    const ready: PeersReadyMessage = { kind: "peers-ready" };
    for (const peer of listening.values()) if (peer.isConnected()) peer.send(ready);
  });
  for (let i = 0; i < config.WORKERS; i++) fork();
  log.info({ workers: config.WORKERS, port: config.PORT }, "server started with workers");

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.all(Object.values(cluster.workers ?? {}).map((w) => w && stopWorker(w)));
    await stopHousekeeping();
    await database.close();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stop());
}

/** Asks a worker to finish and waits for it; one that hangs is killed after the grace time. */
function stopWorker(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    if (worker.isDead()) return resolve();
    const timer = setTimeout(() => worker.process.kill("SIGKILL"), STOP_GRACE_MS);
    worker.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    worker.process.kill("SIGTERM");
  });
}
