import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

// Text of a PDF with PDF.js, in a worker thread of its own: a hostile PDF can only exhaust that
// thread's capped heap or time, the crawl's event loop stays free, and PDF.js loads as plain
// JavaScript (the TypeScript loader takes seconds over its 3 MB of code).

/** Enough pages to find a title and the fiscal year; long annexes add time, not evidence. */
export const MAX_PDF_PAGES = 30;
/** One PDF's parsing time before its worker is stopped. */
export const PDF_TIMEOUT_MS = 30_000;
const HEAP_MB = 512;

const require = createRequire(import.meta.url);

// Runs in the worker as CommonJS; PDF.js is ESM, so it is imported dynamically.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const ready = Promise.all([import(workerData.pdf), import(workerData.worker)]).then(([pdfjs, worker]) => {
  globalThis.pdfjsWorker = worker;
  return pdfjs;
});
parentPort.on("message", async ({ id, data }) => {
  let task;
  try {
    const pdfjs = await ready;
    task = pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: true, verbosity: 0 });
    const pdf = await task.promise;
    const pages = [];
    for (let n = 1; n <= Math.min(pdf.numPages, workerData.maxPages); n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => (item.str || "") + (item.hasEOL ? "\\n" : "")).join(""));
      page.cleanup();
    }
    parentPort.postMessage({ id, text: pages.join("\\n") });
  } catch (error) {
    parentPort.postMessage({ id, error: error && error.message ? error.message : String(error) });
  } finally {
    if (task) await task.destroy().catch(() => undefined);
  }
});
`;

interface Pending {
  resolve: (text: string) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let nextId = 0;

function stopWorker(reason: Error): void {
  const stopped = worker;
  worker = undefined;
  for (const job of pending.values()) {
    clearTimeout(job.timer);
    job.reject(reason);
  }
  pending.clear();
  stopped?.terminate().catch(() => undefined);
}

function startWorker(): Worker {
  const started = new Worker(WORKER_SOURCE, {
    eval: true,
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
    workerData: {
      pdf: pathToFileURL(require.resolve("pdfjs-dist/legacy/build/pdf.mjs")).href,
      worker: pathToFileURL(require.resolve("pdfjs-dist/legacy/build/pdf.worker.mjs")).href,
      maxPages: MAX_PDF_PAGES,
    },
  });
  started.on("message", (message: { id: number; text?: string; error?: string }) => {
    const job = pending.get(message.id);
    if (!job) return;
    pending.delete(message.id);
    clearTimeout(job.timer);
    if (message.error !== undefined) job.reject(new Error(message.error));
    else job.resolve((message.text ?? "").normalize("NFC"));
    if (pending.size === 0) started.unref();
  });
  started.on("error", (error) => {
    if (worker === started) stopWorker(error);
  });
  started.on("exit", () => {
    if (worker === started) stopWorker(new Error("the PDF reader stopped"));
  });
  started.unref();
  return started;
}

/** Starts the PDF worker early, so its start overlaps the crawl's first requests. */
export function warmPdfReader(): void {
  worker ??= startWorker();
}

export function extractPdf(data: Buffer): Promise<string> {
  worker ??= startWorker();
  const current = worker;
  const id = nextId++;
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => stopWorker(new Error(`no text within ${PDF_TIMEOUT_MS / 1000} s`)),
      PDF_TIMEOUT_MS,
    );
    pending.set(id, { resolve, reject, timer });
    // Kept alive only while a PDF is being read, so a finished CLI run exits.
    current.ref();
    const copy = new Uint8Array(data);
    current.postMessage({ id, data: copy }, [copy.buffer]);
  });
}
