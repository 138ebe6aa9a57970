import { desc, eq } from "drizzle-orm";
import type { AssessmentResponse } from "../../shared/assessment.ts";
import type { Db } from "../db/database.ts";
import { assessments } from "../db/schema.ts";
import { toAssessmentResponse } from "./find-assessment.ts";

/** An agency's assessments, newest fiscal year first. */
export async function listAssessments({
  db,
  agencyId,
}: {
  db: Db;
  agencyId: string;
}): Promise<AssessmentResponse[]> {
  const rows = await db
    .select()
    .from(assessments)
    .where(eq(assessments.agencyId, agencyId))
    .orderBy(desc(assessments.fiscalYear));
  return rows.map(toAssessmentResponse);
}
