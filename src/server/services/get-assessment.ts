import { phasesOn } from "../../domain/assessment/phases.ts";
import { getFramework } from "../../domain/framework/load-frameworks.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import { thaiIsoDate } from "../../domain/thai/dates.ts";
import type { AssessmentDetailResponse } from "../../shared/assessment.ts";
import type { Db } from "../db/database.ts";
import { findAssessment, toAssessmentResponse } from "./find-assessment.ts";

/** One assessment with its framework's windows marked past, current or upcoming on `now`'s Thai day. */
export async function getAssessment({
  db,
  frameworks,
  agencyId,
  assessmentId,
  now,
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  agencyId: string;
  assessmentId: string;
  now: Date;
}): Promise<AssessmentDetailResponse> {
  const row = await findAssessment({ db, agencyId, assessmentId });
  const today = thaiIsoDate(now);
  const { phases, currentPhaseId } = phasesOn(getFramework(row.frameworkId, frameworks), today);
  return { ...toAssessmentResponse(row), today, phases, currentPhaseId };
}
