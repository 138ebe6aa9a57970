import { and, asc, eq } from "drizzle-orm";
import type { ProgressReportResponse } from "../../shared/progress.ts";
import type { Db } from "../db/database.ts";
import { progressReports } from "../db/schema.ts";
import { findAssessmentScope } from "./find-assessment-scope.ts";
import { toProgressResponse } from "./progress-report-rows.ts";

/** The assessment's progress reports written so far (six-month, year-end). */
export async function listProgressReports({
  db,
  agencyId,
  assessmentId,
}: {
  db: Db;
  agencyId: string;
  assessmentId: string;
}): Promise<ProgressReportResponse[]> {
  await findAssessmentScope({ db, agencyId, assessmentId });
  const rows = await db
    .select()
    .from(progressReports)
    .where(
      and(eq(progressReports.agencyId, agencyId), eq(progressReports.assessmentId, assessmentId)),
    )
    .orderBy(asc(progressReports.asOf));
  return rows.map(toProgressResponse);
}
