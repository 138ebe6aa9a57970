import { and, eq, isNotNull } from "drizzle-orm";
import { DomainError } from "../../domain/errors.ts";
import type { DocumentFileFormat } from "../../shared/document.ts";
import type { Db } from "../db/database.ts";
import { assessments, documents } from "../db/schema.ts";
import { type DocumentFile, readDocumentFile } from "./read-document-file.ts";

/**
 * A file of an approved document version of this agency's fiscal year, for the public page; a
 * draft, another year's or another agency's document is not found, so its existence stays private.
 */
export async function readPublicDocumentFile({
  db,
  agencyId,
  fiscalYear,
  documentId,
  format,
}: {
  db: Db;
  agencyId: string;
  fiscalYear: number;
  documentId: string;
  format: DocumentFileFormat;
}): Promise<DocumentFile> {
  const [row] = await db
    .select({ assessmentId: documents.assessmentId })
    .from(documents)
    .innerJoin(
      assessments,
      and(eq(assessments.agencyId, documents.agencyId), eq(assessments.id, documents.assessmentId)),
    )
    .where(
      and(
        eq(documents.agencyId, agencyId),
        eq(documents.id, documentId),
        eq(assessments.fiscalYear, fiscalYear),
        isNotNull(documents.approvedAt),
      ),
    );
  if (!row)
    throw new DomainError(
      "INPUT_NOT_FOUND",
      `no approved document ${documentId} in ${fiscalYear}`,
      {
        userMessage: "ไม่พบเอกสารที่เผยแพร่นี้",
      },
    );
  return readDocumentFile({ db, agencyId, assessmentId: row.assessmentId, documentId, format });
}
