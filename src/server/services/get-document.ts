import { and, eq } from "drizzle-orm";
import { DomainError } from "../../domain/errors.ts";
import type { DocumentDetail } from "../../shared/document.ts";
import type { Db } from "../db/database.ts";
import { documents } from "../db/schema.ts";
import { toDocumentVersion } from "./document-version.ts";

export type DocumentRow = typeof documents.$inferSelect;

/** One version of a document of this agency and assessment; anyone else's id is not found. */
export async function findDocument({
  db,
  agencyId,
  assessmentId,
  documentId,
}: {
  db: Db;
  agencyId: string;
  assessmentId: string;
  documentId: string;
}): Promise<DocumentRow> {
  const [row] = await db
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.agencyId, agencyId),
        eq(documents.assessmentId, assessmentId),
        eq(documents.id, documentId),
      ),
    );
  if (!row)
    throw new DomainError("INPUT_NOT_FOUND", `no document ${documentId} in this assessment`, {
      userMessage: "ไม่พบเอกสารนี้ในการประเมินของหน่วยงาน",
    });
  return row;
}

/** A version's metadata with the exact input it was built from. */
export async function getDocument(options: {
  db: Db;
  agencyId: string;
  assessmentId: string;
  documentId: string;
}): Promise<DocumentDetail> {
  const row = await findDocument(options);
  return { ...toDocumentVersion(row), input: row.input as Record<string, unknown> };
}
