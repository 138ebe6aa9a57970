import { parentPort, workerData } from "node:worker_threads";
import { renderDocx } from "../docx/render-docx.ts";
import { renderHtml } from "../html/render-html.ts";
import { loadDocumentDeps } from "../measures/load-document-deps.ts";
import {
  type MeasuresDocumentDeps,
  prepareMeasuresDocument,
} from "../measures/prepare-measures-document.ts";
import type { PoolDeps } from "./document-pool.ts";
import { type DocumentResult, type DocumentTask, serializeError } from "./protocol.ts";

// One worker thread: frameworks and content are loaded once, then documents are built on demand.
const given = (workerData ?? {}) as PoolDeps;
const shipped = loadDocumentDeps();
const deps: MeasuresDocumentDeps = {
  ...shipped,
  frameworks: given.frameworks ?? shipped.frameworks,
  content: given.content ?? shipped.content,
};
const port = parentPort;
if (!port) throw new Error("document-worker.ts runs only as a worker thread");

port.on("message", async (task: DocumentTask) => {
  let result: DocumentResult;
  try {
    const { model } = prepareMeasuresDocument(task.raw, deps, task.digits);
    const files: Partial<Record<"html" | "docx", Uint8Array>> = {};
    for (const format of task.formats)
      files[format] =
        format === "html" ? Buffer.from(renderHtml(model), "utf8") : await renderDocx(model);
    result = { id: task.id, ok: true, files, model: task.wantModel ? model : undefined };
  } catch (error) {
    result = { id: task.id, ok: false, error: serializeError(error) };
  }
  port.postMessage(result);
});
