import type { Db } from "../db/database.ts";
import {
  changedColumns,
  type MeasureWrite,
  updateInOneStatement,
  type WriteOutcome,
} from "./update-measure-statement.ts";

/** Where a process sends its checked measure changes; each resolves once committed, or refused. */
export interface MeasureWrites {
  /** The change's outcome once its statement committed: undefined when it was not made. */
  write(write: MeasureWrite): Promise<WriteOutcome>;
}

interface Waiting {
  write: MeasureWrite;
  columns: string;
  resolve: (outcome: WriteOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit of measure changes (as the survey intake, ADR 0012): changes that arrive while
 * batches are committing wait for the next one, so one statement and one commit carry several.
 * A batch holds changes of the same columns, at most one per measure (a row takes one change
 * per statement); the rest wait for a later batch, oldest first. A change is
 * answered only after its batch commits. If a batch fails, nothing of it was written (one
 * statement), and each of its changes is tried alone, so one bad change fails only its own request.
 */
export function createMeasureWrites({
  db,
  concurrency = 1,
  maxBatch = 64,
}: {
  db: Db;
  /** Batches committing at once (1 for the embedded database, which has one connection). */
  concurrency?: number;
  maxBatch?: number;
}): MeasureWrites {
  const queue: Waiting[] = [];
  let inFlight = 0;

  const take = (): Waiting[] => {
    const columns = queue[0]?.columns;
    const taken = new Set<string>();
    const batch: Waiting[] = [];
    const rest: Waiting[] = [];
    for (const waiting of queue) {
      const { id } = waiting.write.measure;
      const fits = batch.length < maxBatch && waiting.columns === columns && !taken.has(id);
      if (fits) taken.add(id);
      (fits ? batch : rest).push(waiting);
    }
    queue.splice(0, queue.length, ...rest);
    return batch;
  };

  const run = async (batch: Waiting[]): Promise<void> => {
    try {
      const outcomes = await updateInOneStatement(
        db,
        batch.map((w) => w.write),
      );
      for (const [i, w] of batch.entries()) w.resolve(outcomes[i]);
    } catch (error) {
      const [only] = batch;
      if (only && batch.length === 1) only.reject(error);
      else await Promise.all(batch.map((w) => run([w])));
    }
  };

  const kick = () => {
    while (inFlight < concurrency && queue.length > 0) {
      inFlight++;
      // Yield once so changes arriving in the same tick join the batch.
      new Promise<void>((done) => setImmediate(done))
        .then(() => (queue.length > 0 ? run(take()) : undefined))
        .finally(() => {
          inFlight--;
          kick();
        });
    }
  };

  return {
    write(write) {
      return new Promise<WriteOutcome>((resolve, reject) => {
        queue.push({ write, columns: changedColumns(write.set).join(","), resolve, reject });
        kick();
      });
    },
  };
}
