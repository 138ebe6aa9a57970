import { and, desc, eq } from "drizzle-orm";
import type { DocumentVersion } from "../../shared/document.ts";
import type { Db } from "../db/database.ts";
import { documents } from "../db/schema.ts";
import { toDocumentVersion } from "./document-version.ts";
import { findAssessment } from "./find-assessment.ts";

/** Every generated version of an assessment's documents, newest first, without inputs or bytes. */
export async function listDocuments({
  db,
  agencyId,
  assessmentId,
}: {
  db: Db;
  agencyId: string;
  assessmentId: string;
}): Promise<DocumentVersion[]> {
  await findAssessment({ db, agencyId, assessmentId });
  const rows = await db
    .select({
      id: documents.id,
      assessmentId: documents.assessmentId,
      kind: documents.kind,
      version: documents.version,
      files: documents.files,
      options: documents.options,
      createdAt: documents.createdAt,
      createdBy: documents.createdBy,
      approvedAt: documents.approvedAt,
      approvedBy: documents.approvedBy,
    })
    .from(documents)
    .where(and(eq(documents.agencyId, agencyId), eq(documents.assessmentId, assessmentId)))
    .orderBy(desc(documents.createdAt), desc(documents.version));
  return rows.map(toDocumentVersion);
}
