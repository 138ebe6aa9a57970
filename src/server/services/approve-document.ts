import { createHash } from "node:crypto";
import { and, eq, max } from "drizzle-orm";
import {
  type MeasuresDocumentDeps,
  prepareMeasuresDocument,
} from "../../documents/measures/prepare-measures-document.ts";
import type { PdfRenderer } from "../../documents/pdf/render-pdf.ts";
import { renderDocument } from "../../documents/render-document.ts";
import { DomainError } from "../../domain/errors.ts";
import { fiscalYearOf, parseCalendarDate } from "../../domain/thai/dates.ts";
import {
  type DocumentFileFormat,
  type DocumentKind,
  type DocumentVersion,
  documentFormats,
  documentKinds,
} from "../../shared/document.ts";
import type { Db } from "../db/database.ts";
import { isUniqueViolation } from "../db/is-unique-violation.ts";
import { assessments, documents } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";
import { type DocumentRow, toDocumentVersion } from "./document-version.ts";
import { findAssessment } from "./find-assessment.ts";
import { findDocument } from "./get-document.ts";
import {
  insertDocumentVersion,
  type RenderedFile,
  versionConflict,
} from "./save-document-version.ts";

export interface ApproveDocumentOptions {
  db: Db;
  deps: MeasuresDocumentDeps;
  pdf: () => Promise<PdfRenderer>;
  agencyId: string;
  assessmentId: string;
  documentId: string;
  /** YYYY-MM-DD, the day the head of agency signed. */
  approvedOn: string;
  actor: string;
  now: Date;
}

/**
 * The head of agency approves the latest version: the approval day is recorded on the assessment
 * and printed in a new version built from the approved version's exact input (nothing else
 * changes), and that new version is marked approved — all in one transaction, audited.
 */
export async function approveDocument(options: ApproveDocumentOptions): Promise<DocumentVersion> {
  const { db, agencyId, assessmentId, approvedOn } = options;
  const approved = await findDocument(options);
  const assessment = await findAssessment(options);
  if ((await latestVersion(db, approved)) !== approved.version) throw notLatest(approved.version);
  checkApprovalDay(approvedOn, assessment.fiscalYear);
  const input = withApprovalDay(approved.input, approvedOn);
  if (approved.approvedAt && assessment.approvedOn === approvedOn)
    throw new DomainError(
      "CONFLICT",
      `version ${approved.version} is already approved on ${approvedOn}`,
      {
        userMessage: `เอกสารฉบับที่ ${approved.version} ได้รับอนุมัติเมื่อวันที่ ${approvedOn} แล้ว`,
      },
    );
  const digits = approved.options.digits === "arabic" ? "arabic" : "thai";
  const { model } = prepareMeasuresDocument(input, options.deps, digits);
  // Rendered before the transaction, as a generation is, so the transaction stays short.
  const files: RenderedFile[] = [];
  for (const format of formatsOf(approved)) {
    const bytes = await renderDocument(model, format, options.pdf);
    files.push({ format, bytes, sha256: createHash("sha256").update(bytes).digest("hex") });
  }
  try {
    const row = await db.transaction(async (tx) => {
      const [before] = await tx
        .select({ approvedOn: assessments.approvedOn })
        .from(assessments)
        .where(and(eq(assessments.agencyId, agencyId), eq(assessments.id, assessmentId)))
        .for("no key update");
      // A version generated since it was read makes the approved one stale.
      if ((await latestVersion(tx, approved)) !== approved.version)
        throw notLatest(approved.version);
      await tx
        .update(assessments)
        .set({ approvedOn })
        .where(and(eq(assessments.agencyId, agencyId), eq(assessments.id, assessmentId)));
      await appendAudit({
        db: tx,
        agencyId,
        actor: options.actor,
        action: "assessment.approve",
        entity: "assessment",
        entityId: assessmentId,
        before: { approvedOn: before?.approvedOn ?? null },
        after: { approvedOn },
      });
      const created = await insertDocumentVersion({
        db: tx,
        agencyId,
        assessmentId,
        kind: kindOf(approved.kind),
        input,
        digits,
        files,
        actor: options.actor,
      });
      const [marked] = await tx
        .update(documents)
        .set({ approvedAt: options.now, approvedBy: options.actor })
        .where(and(eq(documents.agencyId, agencyId), eq(documents.id, created.id)))
        .returning();
      if (!marked) throw new Error("the new version vanished");
      await appendAudit({
        db: tx,
        agencyId,
        actor: options.actor,
        action: "document.approve",
        entity: "document",
        entityId: marked.id,
        after: {
          assessmentId,
          kind: marked.kind,
          version: marked.version,
          approvedOn,
          approvedAt: options.now.toISOString(),
          approvedFrom: { documentId: approved.id, version: approved.version },
        },
      });
      return marked;
    });
    return toDocumentVersion(row);
  } catch (error) {
    throw isUniqueViolation(error) ? versionConflict(error) : error;
  }
}

async function latestVersion(db: Db, row: DocumentRow): Promise<number | null> {
  const [latest] = await db
    .select({ version: max(documents.version) })
    .from(documents)
    .where(
      and(
        eq(documents.agencyId, row.agencyId),
        eq(documents.assessmentId, row.assessmentId),
        eq(documents.kind, row.kind),
      ),
    );
  return latest?.version ?? null;
}

function notLatest(version: number): DomainError {
  return new DomainError(
    "CONFLICT",
    `version ${version} is not the latest: only the latest version may be approved`,
    {
      userMessage: `เอกสารฉบับที่ ${version} ไม่ใช่ฉบับล่าสุด อนุมัติได้เฉพาะฉบับล่าสุดเท่านั้น`,
      details: [
        {
          path: "documentId",
          th: `เอกสารฉบับที่ ${version} ไม่ใช่ฉบับล่าสุด ให้เปิดฉบับล่าสุดแล้วอนุมัติฉบับนั้น`,
          en: `version ${version} is not the latest: open the latest version and approve that one`,
        },
      ],
    },
  );
}

/** The head approves this year's measures within this fiscal year, as the document requires. */
function checkApprovalDay(approvedOn: string, fiscalYear: number): void {
  const day = parseCalendarDate(approvedOn);
  if (day && fiscalYearOf(day) === fiscalYear) return;
  const th = day
    ? `วันที่อนุมัติ ${approvedOn} ไม่อยู่ในปีงบประมาณ พ.ศ. ${fiscalYear} ให้ระบุวันที่ในปีงบประมาณนั้น (approvedOn)`
    : `วันที่ ${approvedOn} ไม่มีอยู่จริง`;
  const en = day
    ? `approval day ${approvedOn} is outside fiscal year ${fiscalYear}: give a day inside it (approvedOn)`
    : `${approvedOn} is not a real date`;
  throw new DomainError("INPUT_INVALID", en, {
    userMessage: th,
    details: [{ path: "body.approvedOn", th, en }],
  });
}

function withApprovalDay(input: unknown, approvedOn: string): Record<string, unknown> {
  const file = (input ?? {}) as Record<string, unknown>;
  const approval = (file.approval ?? {}) as Record<string, unknown>;
  return { ...file, approval: { ...approval, date: approvedOn } };
}

/** The approved version's formats, in the order the renderers list them. */
function formatsOf(row: DocumentRow): DocumentFileFormat[] {
  return documentFormats.filter((f) => f in row.files);
}

function kindOf(kind: string): DocumentKind {
  const known = documentKinds.find((k) => k === kind);
  if (!known) throw new Error(`stored document of unknown kind ${kind}`);
  return known;
}
