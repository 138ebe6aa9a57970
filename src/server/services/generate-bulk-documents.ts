import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import { and, eq } from "drizzle-orm";
import { createDocumentPool, type DocumentPool } from "../../documents/bulk/document-pool.ts";
import type { Content } from "../../domain/content/schema.ts";
import { DomainError, type IssueDetail } from "../../domain/errors.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import type { DigitStyle } from "../../domain/thai/numerals.ts";
import type { Db } from "../db/database.ts";
import { assessments } from "../db/schema.ts";
import {
  type BulkTarget,
  findLatestVersion,
  isUpToDate,
  listBulkTargets,
  readStoredDocx,
} from "./bulk-document-targets.ts";
import { loadMeasuresInput } from "./load-measures-input.ts";
import { insertDocumentVersion } from "./save-document-version.ts";

export interface BulkProgress {
  /** Agencies finished, whatever their outcome. */
  done: number;
  total: number;
  built: number;
  skipped: number;
  incomplete: number;
  failed: number;
}

/** Why an agency got no new document: Thai first, English beside it, and every problem. */
export interface BulkProblem extends BulkTarget {
  code: string;
  th: string;
  en: string;
  details: IssueDetail[];
}

/** A document the run built, or found already built, with its DOCX bytes. */
export interface BulkDocument extends BulkTarget {
  status: "built" | "skipped";
  version: number;
  docx: Buffer;
}

export interface BulkDocumentsReport extends BulkProgress {
  fiscalYear: number;
  /** Agencies whose data cannot make a document yet, each with what to add or fix. */
  incompleteAgencies: BulkProblem[];
  /** Agencies whose document could not be rendered or stored. */
  failedAgencies: BulkProblem[];
  /** The signal stopped the run before every agency was reached. */
  stopped: boolean;
}

export interface GenerateBulkDocumentsOptions {
  db: Db;
  frameworks: Map<string, Framework>;
  /** The content the documents are written from; the shipped content when omitted. */
  content?: Content;
  fiscalYear: number;
  /** Worker threads rendering at once; one per core by default. */
  concurrency?: number;
  digits?: DigitStyle;
  actor?: string;
  onProgress?: (progress: BulkProgress) => void;
  /** Called with each built or already-built document (e.g. to write it to a folder). */
  onDocument?: (document: BulkDocument) => Promise<void>;
  signal?: AbortSignal;
  /** A pool to reuse (a benchmark's); otherwise one is made and closed by the run. */
  pool?: DocumentPool;
}

const kind = "measures";

/**
 * Builds the measures document of every agency of a fiscal year whose latest stored version was
 * not built from its current data (`isUpToDate`), rendering in worker threads and storing each
 * one in its own short transaction as it finishes, so a stopped run resumes where it stopped.
 */
export async function generateBulkDocuments(
  options: GenerateBulkDocumentsOptions,
): Promise<BulkDocumentsReport> {
  const { db, frameworks, fiscalYear, signal } = options;
  const concurrency = Math.max(1, options.concurrency ?? availableParallelism());
  const digits = options.digits ?? "thai";
  const actor = options.actor ?? "prongsai-documents-bulk";
  const targets = await listBulkTargets(db, fiscalYear);
  const report: BulkDocumentsReport = {
    fiscalYear,
    done: 0,
    total: targets.length,
    built: 0,
    skipped: 0,
    incomplete: 0,
    failed: 0,
    incompleteAgencies: [],
    failedAgencies: [],
    stopped: false,
  };
  const progress = () => {
    const { done, total, built, skipped, incomplete, failed } = report;
    options.onProgress?.({ done, total, built, skipped, incomplete, failed });
  };

  const one = async (target: BulkTarget): Promise<void> => {
    let input: unknown;
    try {
      ({ input } = await loadMeasuresInput({ db, frameworks, ...target }));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      report.incomplete++;
      report.incompleteAgencies.push(problemOf(target, error));
      return;
    }
    const latest = await findLatestVersion(db, target, kind);
    if (isUpToDate(latest, input, digits)) {
      report.skipped++;
      if (options.onDocument) {
        const docx = await readStoredDocx(db, target.agencyId, latest.docxSha256);
        await options.onDocument({ ...target, status: "skipped", version: latest.version, docx });
      }
      return;
    }
    const out = await pool.render({ raw: input, digits, formats: ["docx"], wantModel: false });
    const docx = Buffer.from(out.files.docx ?? []);
    const sha256 = createHash("sha256").update(docx).digest("hex");
    const stored = await db.transaction(async (tx) => {
      // Under the assessment's lock, so two runs at once never store the same document twice.
      await tx
        .select({ id: assessments.id })
        .from(assessments)
        .where(
          and(eq(assessments.agencyId, target.agencyId), eq(assessments.id, target.assessmentId)),
        )
        .for("no key update");
      const now = await findLatestVersion(tx, target, kind);
      if (isUpToDate(now, input, digits)) return { status: "skipped" as const, ...now };
      const row = await insertDocumentVersion({
        db: tx,
        agencyId: target.agencyId,
        assessmentId: target.assessmentId,
        kind,
        input,
        digits,
        files: [{ format: "docx", bytes: docx, sha256 }],
        actor,
      });
      return { status: "built" as const, version: row.version };
    });
    report[stored.status]++;
    await options.onDocument?.({ ...target, status: stored.status, version: stored.version, docx });
  };

  const pool =
    options.pool ?? createDocumentPool(concurrency, { frameworks, ...contentOf(options) });
  let next = 0;
  // Twice as many lanes as workers, so reading and storing overlap rendering.
  const lane = async () => {
    while (next < targets.length) {
      if (signal?.aborted) {
        report.stopped = true;
        return;
      }
      const target = targets[next++] as BulkTarget;
      // One agency's failure is reported with its reason; the run goes on with the rest.
      await one(target).catch((error: unknown) => {
        report.failed++;
        report.failedAgencies.push(problemOf(target, error));
      });
      report.done++;
      progress();
    }
  };
  progress();
  try {
    await Promise.all(Array.from({ length: concurrency * 2 }, lane));
  } finally {
    if (!options.pool) await pool.close();
  }
  return report;
}

function contentOf(options: GenerateBulkDocumentsOptions): { content?: Content } {
  return options.content ? { content: options.content } : {};
}

function problemOf(target: BulkTarget, error: unknown): BulkProblem {
  if (error instanceof DomainError)
    return {
      ...target,
      code: error.code,
      th: error.userMessage,
      en: error.message,
      details: error.details,
    };
  return {
    ...target,
    code: "UNEXPECTED",
    th: "เกิดข้อผิดพลาดที่ไม่คาดคิดขณะสร้างเอกสาร",
    en: error instanceof Error ? error.message : String(error),
    details: [],
  };
}
