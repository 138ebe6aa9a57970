import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { MeasuresDocumentDeps } from "../measures/prepare-measures-document.ts";
import type { DocumentModel } from "../model.ts";
import {
  type DocumentResult,
  type DocumentTask,
  deserializeError,
  type WorkerFormat,
} from "./protocol.ts";

export interface PoolOutput {
  files: Partial<Record<WorkerFormat, Uint8Array>>;
  model: DocumentModel | undefined;
}

export interface DocumentPool {
  /** Builds one document in a worker; rejects with the document's own error. */
  render(task: Omit<DocumentTask, "id">): Promise<PoolOutput>;
  close(): Promise<void>;
}

interface Job {
  task: DocumentTask;
  settle: (result: DocumentResult) => void;
}

interface Slot {
  worker: Worker;
  /** The document this worker is building, if any. */
  job: Job | undefined;
}

// The worker is TypeScript; its small JavaScript entry registers the tsx loader first.
const workerUrl = new URL("./document-worker-entry.mjs", import.meta.url);

/** Frameworks or content to use instead of the shipped files (e.g. with framework versions from the database). */
export type PoolDeps = Partial<Pick<MeasuresDocumentDeps, "frameworks" | "content">>;

/** A fixed set of worker threads building documents in parallel, one per core by default. */
export function createDocumentPool(size = availableParallelism(), deps?: PoolDeps): DocumentPool {
  const slots: Slot[] = [];
  const waiting: Job[] = [];
  let nextId = 0;

  const dispatch = () => {
    for (const slot of slots) {
      if (slot.job) continue;
      const job = waiting.shift();
      if (!job) return;
      slot.job = job;
      slot.worker.postMessage(job.task);
    }
  };
  let closing = false;
  const start = (slot: Slot) => {
    slot.worker = new Worker(workerUrl, { workerData: deps ?? {} });
    slot.worker.on("message", (result: DocumentResult) => {
      const job = slot.job;
      slot.job = undefined;
      job?.settle(result);
      dispatch();
    });
    // A crashed worker fails the document it was building and is replaced; nothing hangs.
    slot.worker.on("error", (error) => {
      const job = slot.job;
      slot.job = undefined;
      job?.settle({
        id: job.task.id,
        ok: false,
        error: {
          code: "RENDER_FAILED",
          message: String(error),
          userMessage: "สร้างเอกสารไม่สำเร็จ",
          details: [],
        },
      });
      if (!closing) {
        start(slot);
        dispatch();
      }
    });
  };
  for (let i = 0; i < Math.max(1, size); i++) {
    const slot = { job: undefined } as Slot;
    start(slot);
    slots.push(slot);
  }

  return {
    async render(task) {
      const result = await new Promise<DocumentResult>((settle) => {
        waiting.push({ task: { ...task, id: nextId++ }, settle });
        dispatch();
      });
      if (!result.ok) throw deserializeError(result.error);
      return { files: result.files, model: result.model };
    },
    async close() {
      closing = true;
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
