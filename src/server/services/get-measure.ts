import { and, eq, sql } from "drizzle-orm";
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
  const [row] = await reader(db).execute({ agencyId, assessmentId, measureId });
  if (!row) throw measureNotFound(measureId);
  return row;
}

// Every measure update reads through here first: built once per database and prepared by name.
const readers = new WeakMap<Db, ReturnType<typeof buildReader>>();

function reader(db: Db): ReturnType<typeof buildReader> {
  let prepared = readers.get(db);
  if (!prepared) {
    prepared = buildReader(db);
    readers.set(db, prepared);
  }
  return prepared;
}

function buildReader(db: Db) {
  return db
    .select({ measure: measures, scope: scopeColumns })
    .from(measures)
    .innerJoin(
      assessments,
      and(eq(assessments.agencyId, measures.agencyId), eq(assessments.id, measures.assessmentId)),
    )
    .innerJoin(agencies, eq(agencies.id, measures.agencyId))
    .where(
      and(
        eq(measures.agencyId, sql.placeholder("agencyId")),
        eq(measures.assessmentId, sql.placeholder("assessmentId")),
        eq(measures.id, sql.placeholder("measureId")),
      ),
    )
    .prepare("get_measure");
}
