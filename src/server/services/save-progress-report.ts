import { and, eq, inArray, sql } from "drizzle-orm";
import { checkProgressReport } from "../../domain/plan/check-progress-report.ts";
import { invalidError } from "../../domain/validation.ts";
import type {
  ProgressKind,
  ProgressReportBody,
  ProgressReportResponse,
} from "../../shared/progress.ts";
import type { Db } from "../db/database.ts";
import { measures, progressReports } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";
import { findAssessmentScope } from "./find-assessment-scope.ts";
import { toProgressResponse } from "./progress-report-rows.ts";

export interface SaveProgressReportOptions {
  db: Db;
  agencyId: string;
  assessmentId: string;
  kind: ProgressKind;
  report: ProgressReportBody;
  actor: string;
}

const subject = { th: "รายงานความก้าวหน้าไม่ถูกต้อง", en: "invalid progress report" };

/** Writes the assessment's report of this kind (replacing any earlier one) after checking every entry. */
export async function saveProgressReport(
  options: SaveProgressReportOptions,
): Promise<ProgressReportResponse> {
  const { db, agencyId, assessmentId, kind, report } = options;
  const scope = await findAssessmentScope({ db, agencyId, assessmentId });
  const ids = [...new Set(report.entries.map((e) => e.measureId))];
  const known =
    ids.length === 0
      ? []
      : await db
          .select({ id: measures.id })
          .from(measures)
          .where(
            and(
              eq(measures.agencyId, agencyId),
              eq(measures.assessmentId, assessmentId),
              inArray(measures.id, ids),
            ),
          );
  const problems = checkProgressReport(report, new Set(known.map((m) => m.id)), scope.fiscalYear);
  if (problems.length > 0) throw invalidError("INPUT_INVALID", subject, problems);
  return db.transaction(async (tx) => {
    const [earlier] = await tx
      .select()
      .from(progressReports)
      .where(
        and(
          eq(progressReports.agencyId, agencyId),
          eq(progressReports.assessmentId, assessmentId),
          eq(progressReports.kind, kind),
        ),
      );
    const fields = {
      asOf: report.asOf,
      summary: report.summary,
      entries: report.entries,
      updatedBy: options.actor,
    };
    const [row] = await tx
      .insert(progressReports)
      .values({ agencyId, assessmentId, kind, ...fields })
      .onConflictDoUpdate({
        target: [progressReports.agencyId, progressReports.assessmentId, progressReports.kind],
        set: { ...fields, updatedAt: sql`now()` },
      })
      .returning();
    if (!row) throw new Error("upsert returned no progress report");
    const after = toProgressResponse(row);
    await appendAudit({
      db: tx,
      agencyId,
      actor: options.actor,
      action: "progress.save",
      entity: "progress_report",
      entityId: row.id,
      before: earlier ? toProgressResponse(earlier) : null,
      after,
    });
    return after;
  });
}
