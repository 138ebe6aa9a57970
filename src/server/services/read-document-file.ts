import { and, eq } from "drizzle-orm";
import { DomainError } from "../../domain/errors.ts";
import {
  type DocumentFileFormat,
  type DocumentKind,
  documentContentTypes,
  documentFileStems,
} from "../../shared/document.ts";
import type { Db } from "../db/database.ts";
import { agencies, assessments, blobs } from "../db/schema.ts";
import { findDocument } from "./get-document.ts";

export interface DocumentFile {
  bytes: Buffer;
  sha256: string;
  contentType: string;
  /** Thai download name, e.g. มาตรการ-เทศบาลตำบลห้วยสัก-2566-v2.pdf */
  fileName: string;
  /** The same name in ASCII, for clients that cannot read the Thai one. */
  asciiName: string;
}

/** The bytes of one format of one document version, with the name to save it under. */
export async function readDocumentFile(options: {
  db: Db;
  agencyId: string;
  assessmentId: string;
  documentId: string;
  format: DocumentFileFormat;
}): Promise<DocumentFile> {
  const { db, agencyId, format } = options;
  const document = await findDocument(options);
  const file = document.files[format];
  if (!file)
    throw new DomainError("INPUT_NOT_FOUND", `version ${document.version} has no ${format} file`, {
      userMessage: `เอกสารฉบับที่ ${document.version} ไม่ได้สร้างเป็นไฟล์ ${format.toUpperCase()}`,
    });
  const [blob] = await db
    .select({ bytes: blobs.bytes })
    .from(blobs)
    .where(and(eq(blobs.agencyId, agencyId), eq(blobs.sha256, file.sha256)));
  if (!blob) throw new Error(`document ${document.id} names a missing blob ${file.sha256}`);
  const [named] = await db
    .select({ name: agencies.name, fiscalYear: assessments.fiscalYear })
    .from(assessments)
    .innerJoin(agencies, eq(agencies.id, assessments.agencyId))
    .where(and(eq(assessments.agencyId, agencyId), eq(assessments.id, document.assessmentId)));
  if (!named) throw new Error(`document ${document.id} has no assessment`);
  const stem = stemOf(document.kind);
  const suffix = `${named.fiscalYear}-v${document.version}.${format}`;
  return {
    bytes: blob.bytes,
    sha256: file.sha256,
    contentType: documentContentTypes[format],
    fileName: `${stem.th}-${named.name.replace(/\s+/g, "-")}-${suffix}`,
    asciiName: `${stem.en}-${suffix}`,
  };
}

function stemOf(kind: string): { th: string; en: string } {
  return Object.hasOwn(documentFileStems, kind)
    ? documentFileStems[kind as DocumentKind]
    : { th: kind, en: kind };
}
