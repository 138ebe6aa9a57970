import { isDeepStrictEqual } from "node:util";
import { and, asc, desc, eq } from "drizzle-orm";
import type { DocumentKind } from "../../shared/document.ts";
import type { Db } from "../db/database.ts";
import { agencies, assessments, blobs, documents } from "../db/schema.ts";

/** One agency's assessment of the fiscal year: what a bulk run may build a document for. */
export interface BulkTarget {
  agencyId: string;
  agencyName: string;
  assessmentId: string;
  fiscalYear: number;
}

/** Every assessment of the fiscal year with its agency, in a stable order (name, then id). */
export async function listBulkTargets(db: Db, fiscalYear: number): Promise<BulkTarget[]> {
  return db
    .select({
      agencyId: assessments.agencyId,
      agencyName: agencies.name,
      assessmentId: assessments.id,
      fiscalYear: assessments.fiscalYear,
    })
    .from(assessments)
    .innerJoin(agencies, eq(agencies.id, assessments.agencyId))
    .where(eq(assessments.fiscalYear, fiscalYear))
    .orderBy(asc(agencies.name), asc(agencies.id), asc(assessments.id));
}

export interface LatestVersion {
  version: number;
  input: unknown;
  digits: string | undefined;
  docxSha256: string | undefined;
}

/** The newest stored version of the assessment's document of this kind, if any. */
export async function findLatestVersion(
  db: Db,
  target: BulkTarget,
  kind: DocumentKind,
): Promise<LatestVersion | undefined> {
  const [row] = await db
    .select({
      version: documents.version,
      input: documents.input,
      options: documents.options,
      files: documents.files,
    })
    .from(documents)
    .where(
      and(
        eq(documents.agencyId, target.agencyId),
        eq(documents.assessmentId, target.assessmentId),
        eq(documents.kind, kind),
      ),
    )
    .orderBy(desc(documents.version))
    .limit(1);
  if (!row) return undefined;
  return {
    version: row.version,
    input: row.input,
    digits: row.options.digits,
    docxSha256: row.files.docx?.sha256,
  };
}

/**
 * The rule that makes a run resumable: the latest version is already the document the current
 * data would give when it was built from an equal input, with the same digits, and has a DOCX.
 */
export function isUpToDate(
  latest: LatestVersion | undefined,
  input: unknown,
  digits: string,
): latest is LatestVersion & { docxSha256: string } {
  if (!latest || latest.docxSha256 === undefined || latest.digits !== digits) return false;
  // Stored JSON comes back with its keys reordered; compare values, not text.
  return isDeepStrictEqual(latest.input, JSON.parse(JSON.stringify(input)));
}

/** The stored bytes of a version's DOCX. */
export async function readStoredDocx(db: Db, agencyId: string, sha256: string): Promise<Buffer> {
  const [blob] = await db
    .select({ bytes: blobs.bytes })
    .from(blobs)
    .where(and(eq(blobs.agencyId, agencyId), eq(blobs.sha256, sha256)));
  if (!blob) throw new Error(`agency ${agencyId} has no stored file ${sha256}`);
  return blob.bytes;
}
