import { buildApp } from "./app.ts";
import type { Config } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { DEFAULT_WEB_DIR } from "./plugins/web-app.ts";
import { createSiteChecker } from "./services/oit-checker.ts";
import type { BurstWatch, StoredResponse } from "./services/survey-burst-watch.ts";

/** What a worker sends the primary about the responses it stored: how many went where. */
export interface BurstMessage {
  kind: "survey-burst";
  stored: Required<StoredResponse>[];
}

/** The message the primary sends every worker once all of them listen. */
export interface PeersReadyMessage {
  kind: "peers-ready";
}

/** How long a worker gathers stored responses before telling the primary: far below any burst window. */
const FORWARD_EVERY_MS = 100;

/**
 * Bursts are counted across all workers, so each passes its stored responses (where they went,
 * never what they said) to the primary, which keeps the one watch. Counts are gathered for a
 * moment and sent together, so the primary reads a few messages a second, not one per batch.
 */
function forwardToPrimary(): BurstWatch & { flush(): void } {
  const counts = new Map<string, BurstMessage["stored"][number]>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (counts.size === 0 || !process.connected) return;
    const message: BurstMessage = { kind: "survey-burst", stored: [...counts.values()] };
    counts.clear();
    process.send?.(message);
  };
  return {
    flush,
    async observe(stored) {
      for (const { agencyId, assessmentId, tool } of stored) {
        const key = `${agencyId}|${assessmentId}|${tool}`;
        const seen = counts.get(key);
        if (seen) seen.count++;
        else counts.set(key, { agencyId, assessmentId, tool, count: 1 });
      }
      timer ??= setTimeout(flush, FORWARD_EVERY_MS);
    },
  };
}

/** One of several stateless server processes: HTTP on the shared port, nothing done for all. */
export async function startWorker(config: Config): Promise<void> {
  if (!config.DATABASE_URL) throw new Error("a worker needs DATABASE_URL");
  const database = await openDatabase({ url: config.DATABASE_URL });
  const bursts = forwardToPrimary();
  let peersReady = false;
  process.on("message", (message: Partial<PeersReadyMessage> | null) => {
    if (message?.kind === "peers-ready") peersReady = true;
  });
  const app = await buildApp({
    config,
    database,
    webDir: DEFAULT_WEB_DIR,
    oitChecker: createSiteChecker(),
    burstWatch: bursts,
    peersReady: () => peersReady,
  });
  let stopping: Promise<void> | undefined;
  // Answers already accepted are committed (the app drains the intake) before the process ends.
  const stop = () =>
    (stopping ??= app
      .close()
      .then(() => bursts.flush())
      .then(() => database.close())
      .finally(() => process.exit(0)));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stop());
  // A primary that is gone leaves nobody to restart or stop this worker.
  process.once("disconnect", () => void stop());
  await app.listen({ port: config.PORT, host: config.HOST });
}
