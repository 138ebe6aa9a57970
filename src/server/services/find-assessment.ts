import { and, eq } from "drizzle-orm";
import { DomainError } from "../../domain/errors.ts";
import type { AssessmentResponse } from "../../shared/assessment.ts";
import type { Db } from "../db/database.ts";
import { assessments } from "../db/schema.ts";

export type AssessmentRow = typeof assessments.$inferSelect;

/** The assessment with this id in this agency; another agency's id is simply not found here. */
export async function findAssessment({
  db,
  agencyId,
  assessmentId,
}: {
  db: Db;
  agencyId: string;
  assessmentId: string;
}): Promise<AssessmentRow> {
  const [row] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.agencyId, agencyId), eq(assessments.id, assessmentId)));
  if (!row) throw assessmentNotFound(agencyId, assessmentId);
  return row;
}

/** Another agency's assessment id is simply not found in this agency. */
export function assessmentNotFound(agencyId: string, assessmentId: string): DomainError {
  return new DomainError("INPUT_NOT_FOUND", `no assessment ${assessmentId} in agency ${agencyId}`, {
    userMessage: "ไม่พบการประเมินนี้ในหน่วยงานนี้",
  });
}

export function toAssessmentResponse(row: AssessmentRow): AssessmentResponse {
  return {
    id: row.id,
    agencyId: row.agencyId,
    fiscalYear: row.fiscalYear,
    frameworkId: row.frameworkId,
    createdAt: row.createdAt.toISOString(),
  };
}
