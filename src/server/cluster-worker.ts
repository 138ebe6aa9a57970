import { buildApp } from "./app.ts";
import type { Config } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { DEFAULT_WEB_DIR } from "./plugins/web-app.ts";
import { createSiteChecker } from "./services/oit-checker.ts";
import type { BurstWatch } from "./services/survey-burst-watch.ts";

/** The message a worker sends the primary after each stored batch of survey responses. */
export interface BurstMessage {
  kind: "survey-burst";
  stored: { agencyId: string; assessmentId: string; tool: string }[];
}

/** The message the primary sends every worker once all of them listen. */
export interface PeersReadyMessage {
  kind: "peers-ready";
}

/**
 * Bursts are counted across all workers, so each passes its stored responses (where they went,
 * never what they said) to the primary, which keeps the one watch.
 */
const forwardToPrimary: BurstWatch = {
  async observe(stored) {
    if (!process.connected || stored.length === 0) return;
    const message: BurstMessage = {
      kind: "survey-burst",
      stored: stored.map(({ agencyId, assessmentId, tool }) => ({ agencyId, assessmentId, tool })),
    };
    process.send?.(message);
  },
};

/** One of several stateless server processes: HTTP on the shared port, nothing done for all. */
export async function startWorker(config: Config): Promise<void> {
  if (!config.DATABASE_URL) throw new Error("a worker needs DATABASE_URL");
  const database = await openDatabase({ url: config.DATABASE_URL });
  let peersReady = false;
  process.on("message", (message: Partial<PeersReadyMessage> | null) => {
    if (message?.kind === "peers-ready") peersReady = true;
  });
  const app = await buildApp({
    config,
    database,
    webDir: DEFAULT_WEB_DIR,
    oitChecker: createSiteChecker(),
    burstWatch: forwardToPrimary,
    peersReady: () => peersReady,
  });
  let stopping: Promise<void> | undefined;
  // Answers already accepted are committed (the app drains the intake) before the process ends.
  const stop = () =>
    (stopping ??= app
      .close()
      .then(() => database.close())
      .finally(() => process.exit(0)));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stop());
  // A primary that is gone leaves nobody to restart or stop this worker.
  process.once("disconnect", () => void stop());
  await app.listen({ port: config.PORT, host: config.HOST });
}
