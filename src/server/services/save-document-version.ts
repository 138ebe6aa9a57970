import { and, eq, max } from "drizzle-orm";
import { DomainError } from "../../domain/errors.ts";
import type { DocumentFileFormat, DocumentKind, DocumentVersion } from "../../shared/document.ts";
import type { Db } from "../db/database.ts";
import { isUniqueViolation } from "../db/is-unique-violation.ts";
import { assessments, blobs, documents } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";
import { type DocumentRow, toDocumentVersion } from "./document-version.ts";
import { assessmentNotFound } from "./find-assessment.ts";

export interface RenderedFile {
  format: DocumentFileFormat;
  bytes: Buffer;
  sha256: string;
}

export interface SaveDocumentVersionOptions {
  db: Db;
  agencyId: string;
  assessmentId: string;
  kind: DocumentKind;
  /** The exact data the files were built from. */
  input: unknown;
  digits: string;
  files: RenderedFile[];
  actor: string;
}

/**
 * Stores rendered files as the next version of a document: blobs, the version row and its audit
 * entry commit together. Two versions saved at the same moment cannot share a number.
 */
export async function saveDocumentVersion(
  options: SaveDocumentVersionOptions,
): Promise<DocumentVersion> {
  try {
    const row = await options.db.transaction((tx) => insertDocumentVersion({ ...options, db: tx }));
    return toDocumentVersion(row);
  } catch (error) {
    throw isUniqueViolation(error) ? versionConflict(error) : error;
  }
}

/**
 * The next version inside the caller's transaction. The assessment row is locked first, so two
 * generations at once number their versions one after the other instead of colliding.
 */
export async function insertDocumentVersion(
  options: SaveDocumentVersionOptions,
): Promise<DocumentRow> {
  const { db: tx, agencyId, assessmentId, kind, files } = options;
  const [locked] = await tx
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(eq(assessments.agencyId, agencyId), eq(assessments.id, assessmentId)))
    .for("no key update");
  if (!locked) throw assessmentNotFound(agencyId, assessmentId);
  const [latest] = await tx
    .select({ version: max(documents.version) })
    .from(documents)
    .where(
      and(
        eq(documents.agencyId, agencyId),
        eq(documents.assessmentId, assessmentId),
        eq(documents.kind, kind),
      ),
    );
  for (const file of files)
    await tx
      .insert(blobs)
      .values({ agencyId, sha256: file.sha256, size: file.bytes.length, bytes: file.bytes })
      .onConflictDoNothing();
  const [row] = await tx
    .insert(documents)
    .values({
      agencyId,
      assessmentId,
      kind,
      version: (latest?.version ?? 0) + 1,
      input: options.input,
      options: { digits: options.digits },
      files: Object.fromEntries(
        files.map((f) => [f.format, { sha256: f.sha256, size: f.bytes.length }]),
      ),
      createdBy: options.actor,
    })
    .returning();
  if (!row) throw new Error("insert returned no document");
  // The audit entry names the files by hash; their bytes stay in the blobs.
  await appendAudit({
    db: tx,
    agencyId,
    actor: options.actor,
    action: "document.generate",
    entity: "document",
    entityId: row.id,
    after: {
      assessmentId,
      kind,
      version: row.version,
      digits: options.digits,
      files: row.files,
    },
  });
  return row;
}

/** Another version took the number first. */
export function versionConflict(cause: unknown): DomainError {
  return new DomainError("CONFLICT", "another version was saved at the same time", {
    userMessage: "มีการสร้างเอกสารฉบับอื่นพร้อมกัน กรุณาลองใหม่",
    cause,
  });
}
