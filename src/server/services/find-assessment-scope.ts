import { and, eq } from "drizzle-orm";
import { DomainError } from "../../domain/errors.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import type { MeasureScope } from "../../domain/plan/check-measure.ts";
import type { Db } from "../db/database.ts";
import { agencies, assessments } from "../db/schema.ts";

/** An assessment with what its measures are checked against: its year, framework and the agency's divisions. */
export interface AssessmentScope {
  fiscalYear: number;
  frameworkId: string;
  divisions: string[];
}

export const scopeColumns = {
  fiscalYear: assessments.fiscalYear,
  frameworkId: assessments.frameworkId,
  divisions: agencies.divisions,
};

/** The assessment of this agency, or 404: another agency's assessment is not found here. */
export async function findAssessmentScope({
  db,
  agencyId,
  assessmentId,
}: {
  db: Db;
  agencyId: string;
  assessmentId: string;
}): Promise<AssessmentScope> {
  const [row] = await db
    .select(scopeColumns)
    .from(assessments)
    .innerJoin(agencies, eq(agencies.id, assessments.agencyId))
    .where(and(eq(assessments.agencyId, agencyId), eq(assessments.id, assessmentId)));
  if (!row)
    throw new DomainError(
      "INPUT_NOT_FOUND",
      `no assessment ${assessmentId} in agency ${agencyId}`,
      {
        userMessage: "ไม่พบการประเมินนี้ในหน่วยงาน",
      },
    );
  return row;
}

/** The scope with its framework resolved; an assessment naming an unknown framework is an error. */
export function withFramework(
  scope: AssessmentScope,
  frameworks: ReadonlyMap<string, Framework>,
): MeasureScope {
  const framework = frameworks.get(scope.frameworkId);
  if (!framework)
    throw new DomainError("FRAMEWORK_NOT_FOUND", `framework ${scope.frameworkId} is not loaded`, {
      userMessage: `ไม่พบกรอบการประเมิน ${scope.frameworkId} ที่การประเมินนี้ใช้`,
    });
  return { divisions: scope.divisions, framework, fiscalYear: scope.fiscalYear };
}
