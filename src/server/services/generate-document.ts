import { createHash } from "node:crypto";
import {
  type MeasuresDocumentDeps,
  prepareMeasuresDocument,
} from "../../documents/measures/prepare-measures-document.ts";
import type { PdfRenderer } from "../../documents/pdf/render-pdf.ts";
import { renderDocument } from "../../documents/render-document.ts";
import type { DocumentGenerate, DocumentVersion } from "../../shared/document.ts";
import type { Db } from "../db/database.ts";
import { loadMeasuresInput } from "./load-measures-input.ts";
import { type RenderedFile, saveDocumentVersion } from "./save-document-version.ts";

export interface GenerateDocumentOptions {
  db: Db;
  deps: MeasuresDocumentDeps;
  /** The app's one warm browser, started on first use. */
  pdf: () => Promise<PdfRenderer>;
  agencyId: string;
  assessmentId: string;
  actor: string;
  request: DocumentGenerate;
}

/**
 * Builds the document from the database's current data, renders every requested format, then
 * stores them as the next version; rendering happens before the transaction so it stays short.
 */
export async function generateDocument(options: GenerateDocumentOptions): Promise<DocumentVersion> {
  const { db, deps, agencyId, assessmentId, request } = options;
  const { input } = await loadMeasuresInput({
    db,
    frameworks: deps.frameworks,
    agencyId,
    assessmentId,
  });
  const { model } = prepareMeasuresDocument(input, deps, request.digits);
  const files: RenderedFile[] = [];
  for (const format of new Set(request.formats)) {
    const bytes = await renderDocument(model, format, options.pdf);
    files.push({ format, bytes, sha256: createHash("sha256").update(bytes).digest("hex") });
  }
  return saveDocumentVersion({
    db,
    agencyId,
    assessmentId,
    kind: request.kind,
    input,
    digits: request.digits,
    files,
    actor: options.actor,
  });
}
