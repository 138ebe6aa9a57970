import { and, eq } from "drizzle-orm";
import type { ProgressKind, ProgressReportResponse } from "../../shared/progress.ts";
import type { Db } from "../db/database.ts";
import { progressReports } from "../db/schema.ts";
import { findAssessmentScope } from "./find-assessment-scope.ts";
import { progressReportNotFound, toProgressResponse } from "./progress-report-rows.ts";

/** The assessment's report of one kind; 404 for another agency's assessment or before it is written. */
export async function getProgressReport({
  db,
  agencyId,
  assessmentId,
  kind,
}: {
  db: Db;
  agencyId: string;
  assessmentId: string;
  kind: ProgressKind;
}): Promise<ProgressReportResponse> {
  await findAssessmentScope({ db, agencyId, assessmentId });
  const [row] = await db
    .select()
    .from(progressReports)
    .where(
      and(
        eq(progressReports.agencyId, agencyId),
        eq(progressReports.assessmentId, assessmentId),
        eq(progressReports.kind, kind),
      ),
    );
  if (!row) throw progressReportNotFound(kind);
  return toProgressResponse(row);
}
