import { and, eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { agencies, assessments, measures } from "../db/schema.ts";
import { type AssessmentScope, scopeColumns } from "./find-assessment-scope.ts";
import { type MeasureRow, measureNotFound } from "./measure-rows.ts";

export interface MeasureKey {
  agencyId: string;
  assessmentId: string;
  measureId: string;
}

/** A measure of this agency's assessment with its scope, in one query; otherwise 404. */
export async function getMeasure({
  db,
  agencyId,
  assessmentId,
  measureId,
}: MeasureKey & { db: Db }): Promise<{ measure: MeasureRow; scope: AssessmentScope }> {
  const [row] = await db
    .select({
      measure: measures,
      scope: scopeColumns,
    })
    .from(measures)
    .innerJoin(
      assessments,
      and(eq(assessments.agencyId, measures.agencyId), eq(assessments.id, measures.assessmentId)),
    )
    .innerJoin(agencies, eq(agencies.id, measures.agencyId))
    .where(
      and(
        eq(measures.agencyId, agencyId),
        eq(measures.assessmentId, assessmentId),
        eq(measures.id, measureId),
      ),
    );
  if (!row) throw measureNotFound(measureId);
  return row;
}
