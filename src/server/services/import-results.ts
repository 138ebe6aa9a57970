import { and, eq } from "drizzle-orm";
import type { DomainError, IssueDetail } from "../../domain/errors.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import { type HeaderMap, mapHeaders } from "../../domain/results/import-columns.ts";
import { type ImportRowValues, readImportRow } from "../../domain/results/import-row.ts";
import { invalidError } from "../../domain/validation.ts";
import { MAX_IMPORT_PROBLEMS, MAX_IMPORT_ROWS } from "../../shared/limits.ts";
import type { ImportSummary } from "../../shared/result.ts";
import type { Actor } from "../auth/authorize.ts";
import type { Db } from "../db/database.ts";
import { assessments } from "../db/schema.ts";
import { readSheetRows, type Upload } from "../imports/read-sheet-rows.ts";
import type { SheetRow } from "../imports/sheet-row.ts";
import { appendAudit } from "./append-audit.ts";
import { checkImportRows, type ImportRow } from "./check-import-rows.ts";
import { previewImportChanges } from "./preview-import-changes.ts";
import { saveResult } from "./save-result.ts";

export interface ImportResultsOptions {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  actor: Actor;
  upload: Upload;
  /** Check and report without writing. */
  dryRun: boolean;
}

const subject = {
  th: "ไฟล์ผลการประเมินมีข้อผิดพลาด ไม่ได้นำเข้าข้อมูลใดเลย",
  en: "the results file has problems; nothing was imported",
};

/** Imports official results from a file: every row checked first, then all written in one transaction or none. */
export async function importResults(options: ImportResultsOptions): Promise<ImportSummary> {
  const { db, actor, dryRun } = options;
  const { header, rows } = await readRows(options.upload);
  const checked = await checkImportRows({
    db,
    frameworks: options.frameworks,
    actor,
    header,
    rows,
  });
  if (checked.problems.length > 0) throw refused(checked.problems);
  const summary: ImportSummary = {
    dryRun,
    rows: checked.rows.length,
    agencies: new Set(checked.rows.map((r) => r.agencyId)).size,
    assessmentsCreated: checked.rows.filter((r) => r.assessmentId === null).length,
    discrepancies: checked.rows.flatMap(({ row, agencyId, fiscalYear, result }) =>
      result.discrepancy === null || result.officialOverall === null
        ? []
        : [
            {
              row,
              agencyId,
              fiscalYear,
              officialOverall: result.officialOverall,
              computedOverall: result.computedOverall,
              discrepancy: result.discrepancy,
            },
          ],
    ),
  };
  if (dryRun)
    return { ...summary, changes: await previewImportChanges({ db, rows: checked.rows }) };
  await db.transaction(async (tx) => {
    for (const row of checked.rows) await writeRow(tx, actor.userId, row);
  });
  return summary;
}

/** Streams the upload into checked row values; the header row must be right before rows are read. */
async function readRows(upload: Upload): Promise<{ header: HeaderMap; rows: ImportRowValues[] }> {
  let header: HeaderMap | undefined;
  const rows: ImportRowValues[] = [];
  for await (const sheetRow of readSheetRows(upload)) {
    if (isBlank(sheetRow)) continue;
    if (!header) {
      header = mapHeaders(sheetRow.cells, sheetRow.row);
      if (header.problems.length > 0) throw refused(header.problems);
      continue;
    }
    if (rows.length >= MAX_IMPORT_ROWS)
      throw fileRefused(
        `ไฟล์มีข้อมูลเกิน ${MAX_IMPORT_ROWS} แถว กรุณาแบ่งเป็นหลายไฟล์`,
        `the file has more than ${MAX_IMPORT_ROWS} rows: split it`,
      );
    rows.push(readImportRow(header, sheetRow.row, sheetRow.cells));
  }
  if (!header || rows.length === 0)
    throw fileRefused(
      "ไฟล์ไม่มีข้อมูล ต้องมีแถวหัวตารางและผลการประเมินอย่างน้อยหนึ่งแถว",
      "the file is empty: it needs a header row and at least one result row",
    );
  return { header, rows };
}

/** One row: the year's assessment when the agency has none yet, then the result, each audited. */
async function writeRow(tx: Db, actor: string, row: ImportRow): Promise<void> {
  let assessmentId = row.assessmentId;
  if (assessmentId === null) {
    const values = {
      agencyId: row.agencyId,
      fiscalYear: row.fiscalYear,
      frameworkId: row.frameworkId,
    };
    const [created] = await tx.insert(assessments).values(values).onConflictDoNothing().returning();
    if (created) {
      await appendAudit({
        db: tx,
        agencyId: row.agencyId,
        actor,
        action: "assessment.open",
        entity: "assessment",
        entityId: created.id,
        after: { ...created, createdAt: created.createdAt.toISOString() },
      });
      assessmentId = created.id;
    } else {
      // Opened by someone else since the rows were checked: use theirs.
      const [existing] = await tx
        .select({ id: assessments.id })
        .from(assessments)
        .where(
          and(eq(assessments.agencyId, row.agencyId), eq(assessments.fiscalYear, row.fiscalYear)),
        );
      if (!existing) throw new Error(`assessment of ${row.agencyId} ${row.fiscalYear} vanished`);
      assessmentId = existing.id;
    }
  }
  await saveResult({
    db: tx,
    actor,
    agencyId: row.agencyId,
    assessmentId,
    source: "imported",
    result: row.result,
  });
}

function isBlank({ cells }: SheetRow): boolean {
  return cells.every((cell) => cell === null || String(cell).trim() === "");
}

function refused(problems: IssueDetail[]): DomainError {
  if (problems.length <= MAX_IMPORT_PROBLEMS)
    return invalidError("INPUT_INVALID", subject, problems);
  const more = problems.length - MAX_IMPORT_PROBLEMS;
  return invalidError("INPUT_INVALID", subject, [
    ...problems.slice(0, MAX_IMPORT_PROBLEMS),
    { path: "file", th: `และปัญหาอื่นอีก ${more} รายการ`, en: `and ${more} more problems` },
  ]);
}

function fileRefused(th: string, en: string): DomainError {
  return invalidError("INPUT_INVALID", subject, [{ path: "file", th, en }]);
}
