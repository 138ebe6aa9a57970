import type { Db } from "../db/database.ts";
import { storeSubmissions } from "./store-submissions.ts";

/** One respondent's checked answers, ready to store; the form made the idempotency key. */
export interface Submission {
  agencyId: string;
  assessmentId: string;
  tool: string;
  /** The framework whose tally layout `counts` follows. */
  frameworkId: string;
  channel: "link" | "code" | "otp" | "phone";
  answers: Record<string, string>;
  /** The answers as a count vector of the framework's tally layout (see buildSubmission). */
  counts: number[];
  /** The Bangkok calendar day: the only time a response keeps. */
  submittedOn: string;
  idempotencyKey: string;
  straightLine: boolean;
  /** The printed code that admitted the respondent (normalised), for channel "code". */
  code?: string | undefined;
  /** The hash of the pass a confirmed one-time password gave, for channel "otp". */
  otpPassHash?: string | undefined;
}

/**
 * `stored`: stored now. `already_stored`: this idempotency key was stored before (a retry).
 * `code_used` / `pass_used`: the code or pass was used by another submission; nothing stored.
 */
export type SubmitOutcome = "stored" | "already_stored" | "code_used" | "pass_used";

export interface Intake {
  /** Resolves once the submission is committed (or refused); never before. */
  submit(submission: Submission): Promise<SubmitOutcome>;
  /** Waits for every submission accepted so far to be settled. */
  drain(): Promise<void>;
}

interface Waiting {
  submission: Submission;
  resolve: (outcome: SubmitOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: submissions that arrive while batches are committing wait for the next one, so
 * each transaction stores many responses and their tallies together; up to `concurrency`
 * batches commit at once, overlapping their round trips. A submission is answered only after
 * its transaction commits, so nothing acknowledged can be lost.
 */
export function createIntake({
  db,
  maxBatch = 500,
  concurrency = 1,
  onStored,
}: {
  db: Db;
  maxBatch?: number;
  /** Batches committing at once (1 for the embedded database, which has one connection). */
  concurrency?: number;
  /** Told of the responses each batch stored, after commit (e.g. to watch for bursts). */
  onStored?: (stored: readonly Submission[]) => void;
}): Intake {
  const queue: Waiting[] = [];
  const inFlight = new Set<Promise<void>>();

  const store = async (batch: Waiting[]) => {
    try {
      const outcomes = await storeSubmissions(
        db,
        batch.map((w) => w.submission),
      );
      for (const [i, w] of batch.entries()) w.resolve(outcomes[i] ?? "stored");
      onStored?.(batch.filter((_, i) => outcomes[i] === "stored").map((w) => w.submission));
    } catch (error) {
      // The whole batch rolled back: nobody was acknowledged, and each may retry with its key.
      for (const w of batch) w.reject(error);
    }
  };

  const kick = () => {
    while (inFlight.size < concurrency && queue.length > 0) {
      // Yield once so submissions arriving in the same tick join the batch.
      const flight: Promise<void> = new Promise<void>((done) => setImmediate(done))
        .then(() => (queue.length > 0 ? store(queue.splice(0, maxBatch)) : undefined))
        .finally(() => {
          inFlight.delete(flight);
          kick();
        });
      inFlight.add(flight);
    }
  };

  return {
    submit(submission) {
      return new Promise<SubmitOutcome>((resolve, reject) => {
        queue.push({ submission, resolve, reject });
        kick();
      });
    },
    async drain() {
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
  };
}
