import type { FastifyBaseLogger } from "fastify";
import type { Framework } from "../../domain/framework/schema.ts";
import type { Db } from "../db/database.ts";
import type { OitChecker } from "./oit-checker.ts";
import { recoverOitChecks } from "./recover-oit-checks.ts";
import { runOitCheck } from "./run-oit-check.ts";

export interface OitCheckJobs {
  /** The injected website checker; undefined when this server has none. */
  checker: OitChecker | undefined;
  /** Runs a queued check in the background. */
  run: (agencyId: string, runId: string) => void;
  /** Fails runs a restart interrupted and runs the queued ones again. */
  recover: () => Promise<{ failed: number; resumed: number }>;
  /** Waits for runs in progress, so the app closes after them. */
  drain: () => Promise<void>;
}

/** Background website checks of OIT checklists, run in this process. */
export function createOitCheckJobs({
  db,
  frameworks,
  checker,
  now,
  allowPrivate,
  log,
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  checker: OitChecker | undefined;
  now: () => Date;
  allowPrivate: boolean;
  log: FastifyBaseLogger;
}): OitCheckJobs {
  const inFlight = new Set<Promise<void>>();
  const run = (agencyId: string, runId: string) => {
    if (!checker) return;
    const job = runOitCheck({ db, frameworks, checker, agencyId, runId, now, allowPrivate })
      .catch((error: unknown) => log.error({ err: error, runId }, "OIT check run failed"))
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
  };
  return {
    checker,
    run,
    recover: () => recoverOitChecks({ db, run }),
    drain: async () => {
      await Promise.all([...inFlight]);
    },
  };
}
