import { and, eq } from "drizzle-orm";
import { DomainError, type IssueDetail } from "../../domain/errors.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import type { SurveyUpdateBody } from "../../shared/survey.ts";
import type { Db } from "../db/database.ts";
import { surveys } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";
import { collectionWindow, loadSurveyScope, surveyOf } from "./survey-scope.ts";

/**
 * A day being changed must lie inside the framework's window, and the days in order. A day kept
 * as it is stays allowed (a window set earlier, e.g. the demo's), so the population can change.
 */
function checkDays(
  framework: Framework,
  body: SurveyUpdateBody,
  before: { opensOn: string; closesOn: string },
): IssueDetail[] {
  const window = collectionWindow(framework);
  const problems: IssueDetail[] = [];
  for (const field of ["opensOn", "closesOn"] as const) {
    const day = body[field];
    if (day !== before[field] && (day < window.start || day > window.end))
      problems.push({
        path: field,
        th: `วันที่ ${day} อยู่นอกช่วงเก็บข้อมูลของกรอบการประเมิน (${window.start} ถึง ${window.end})`,
        en: `${day} is outside the framework's collection window (${window.start} to ${window.end})`,
      });
  }
  if (body.opensOn > body.closesOn)
    problems.push({
      path: "closesOn",
      th: "วันปิดรับคำตอบต้องไม่ก่อนวันเปิดรับคำตอบ",
      en: "the closing day must not be before the opening day",
    });
  return problems;
}

/** Sets a survey's population, access mode and days; every problem listed, nothing changed on error. */
export async function updateSurvey({
  db,
  frameworks,
  agencyId,
  assessmentId,
  tool,
  body,
  actor,
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  agencyId: string;
  assessmentId: string;
  tool: string;
  body: SurveyUpdateBody;
  actor: string;
}): Promise<void> {
  const scope = await loadSurveyScope({ db, frameworks, agencyId, assessmentId });
  const before = surveyOf(scope, tool);
  const problems = checkDays(scope.framework, body, before);
  if (problems.length > 0)
    throw new DomainError("INPUT_INVALID", `${problems.length} problem(s) in the survey settings`, {
      userMessage: "ตั้งค่าแบบสำรวจไม่สำเร็จ กรุณาแก้ไขตามรายการ",
      details: problems,
    });
  const after = {
    population: body.population,
    access: body.access,
    opensOn: body.opensOn,
    closesOn: body.closesOn,
  };
  await db.transaction(async (tx) => {
    await tx
      .update(surveys)
      .set(after)
      .where(
        and(
          eq(surveys.agencyId, agencyId),
          eq(surveys.assessmentId, assessmentId),
          eq(surveys.tool, tool),
        ),
      );
    await appendAudit({
      db: tx,
      agencyId,
      actor,
      action: "survey.update",
      entity: "survey",
      entityId: `${assessmentId}/${tool}`,
      before: {
        population: before.population,
        access: before.access,
        opensOn: before.opensOn,
        closesOn: before.closesOn,
      },
      after,
    });
  });
}
