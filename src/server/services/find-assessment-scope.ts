import { and, eq, sql } from "drizzle-orm";
import { DomainError } from "../../domain/errors.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import type { MeasureScope } from "../../domain/plan/check-measure.ts";
import type { Db } from "../db/database.ts";
import { agencies, assessments, results } from "../db/schema.ts";
import { assessmentNotFound } from "./find-assessment.ts";

/** An assessment with what its measures are checked against: its year, framework and the agency's divisions. */
export interface AssessmentScope {
  fiscalYear: number;
  frameworkId: string;
  /** The framework of the result these measures answer (ADR 0005), when there is one yet. */
  analysedFrameworkId: string | null;
  divisions: string[];
  /** The agency's scope version when this was read: it changes whenever anything above may have. */
  scopeVersion: number;
}

/**
 * Measures answer the latest earlier result (ADR 0005), so their indicators and OIT items are
 * that result's framework's: item numbers change between years (o10 of 2565 is not O10 of 2566).
 */
export const analysedFrameworkId = sql<string | null>`(
  select a2.framework_id from ${assessments} a2
  join ${results} r on r.agency_id = a2.agency_id and r.assessment_id = a2.id
  where a2.agency_id = ${assessments.agencyId} and a2.fiscal_year < ${assessments.fiscalYear}
  order by a2.fiscal_year desc limit 1)`;

export const scopeColumns = {
  fiscalYear: assessments.fiscalYear,
  frameworkId: assessments.frameworkId,
  analysedFrameworkId,
  divisions: agencies.divisions,
  scopeVersion: agencies.scopeVersion,
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
  if (!row) throw assessmentNotFound(agencyId, assessmentId);
  return row;
}

/** The scope with its framework resolved; an assessment naming an unknown framework is an error. */
export function withFramework(
  scope: AssessmentScope,
  frameworks: ReadonlyMap<string, Framework>,
): MeasureScope {
  const id = scope.analysedFrameworkId ?? scope.frameworkId;
  const framework = frameworks.get(id);
  if (!framework)
    throw new DomainError("FRAMEWORK_NOT_FOUND", `framework ${id} is not loaded`, {
      userMessage: `ไม่พบกรอบการประเมิน ${id} ที่การประเมินนี้ใช้`,
    });
  return { divisions: scope.divisions, framework, fiscalYear: scope.fiscalYear };
}
