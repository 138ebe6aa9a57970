import { and, asc, eq } from "drizzle-orm";
import type { MeasureResponse } from "../../shared/measure.ts";
import type { Db } from "../db/database.ts";
import { measures } from "../db/schema.ts";
import { findAssessmentScope } from "./find-assessment-scope.ts";
import { toMeasureResponse } from "./measure-rows.ts";

/** The assessment's measures in plan order; an assessment of another agency is 404. */
export async function listMeasures({
  db,
  agencyId,
  assessmentId,
}: {
  db: Db;
  agencyId: string;
  assessmentId: string;
}): Promise<MeasureResponse[]> {
  await findAssessmentScope({ db, agencyId, assessmentId });
  const rows = await db
    .select()
    .from(measures)
    .where(and(eq(measures.agencyId, agencyId), eq(measures.assessmentId, assessmentId)))
    .orderBy(asc(measures.position), asc(measures.createdAt));
  return rows.map(toMeasureResponse);
}
