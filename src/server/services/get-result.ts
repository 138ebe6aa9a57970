import { and, eq } from "drizzle-orm";
import { DomainError } from "../../domain/errors.ts";
import { getFramework } from "../../domain/framework/load-frameworks.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import type { ResultResponse } from "../../shared/result.ts";
import type { Db } from "../db/database.ts";
import { results } from "../db/schema.ts";
import { findAssessment } from "./find-assessment.ts";
import { toResultResponse } from "./result-response.ts";

/** The stored result of an assessment of this agency, or not found while there is none. */
export async function getResult({
  db,
  frameworks,
  agencyId,
  assessmentId,
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  agencyId: string;
  assessmentId: string;
}): Promise<ResultResponse> {
  const assessment = await findAssessment({ db, agencyId, assessmentId });
  const [row] = await db
    .select()
    .from(results)
    .where(and(eq(results.agencyId, agencyId), eq(results.assessmentId, assessmentId)));
  if (!row)
    throw new DomainError("INPUT_NOT_FOUND", `assessment ${assessmentId} has no result yet`, {
      userMessage: "ยังไม่มีผลการประเมินของปีนี้ กรุณากรอกหรือนำเข้าผลการประเมินก่อน",
    });
  const framework = getFramework(assessment.frameworkId, frameworks);
  return toResultResponse({ db, row, assessment, framework });
}
