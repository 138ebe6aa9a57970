import { and, eq } from "drizzle-orm";
import { DomainError } from "../../domain/errors.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import type { Db } from "../db/database.ts";
import { agencies, assessments } from "../db/schema.ts";
import { assessmentNotFound } from "./find-assessment.ts";
import { ensureSurveys, frameworkOf, type SurveyRow } from "./survey-rows.ts";

/** An assessment's surveys with what every survey use case reads beside them. */
export interface SurveyScope {
  agencyId: string;
  assessmentId: string;
  agencyName: string;
  fiscalYear: number;
  framework: Framework;
  surveys: SurveyRow[];
}

/** The assessment of this agency (404 for another agency's id) and its survey rows, made on first use. */
export async function loadSurveyScope({
  db,
  frameworks,
  agencyId,
  assessmentId,
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  agencyId: string;
  assessmentId: string;
}): Promise<SurveyScope> {
  const [row] = await db
    .select({
      agencyName: agencies.name,
      fiscalYear: assessments.fiscalYear,
      frameworkId: assessments.frameworkId,
    })
    .from(assessments)
    .innerJoin(agencies, eq(agencies.id, assessments.agencyId))
    .where(and(eq(assessments.agencyId, agencyId), eq(assessments.id, assessmentId)));
  if (!row) throw assessmentNotFound(agencyId, assessmentId);
  const framework = frameworkOf(frameworks, row.frameworkId);
  const surveys = await ensureSurveys({ db, framework, agencyId, assessmentId });
  return {
    agencyId,
    assessmentId,
    agencyName: row.agencyName,
    fiscalYear: row.fiscalYear,
    framework,
    surveys,
  };
}

/** The survey of one tool, or 404 when the assessment's framework has no such survey. */
export function surveyOf(scope: SurveyScope, tool: string): SurveyRow {
  const survey = scope.surveys.find((s) => s.tool === tool);
  if (!survey)
    throw new DomainError("INPUT_NOT_FOUND", `${scope.framework.id} has no survey ${tool}`, {
      userMessage: `การประเมินนี้ไม่มีแบบวัด ${tool}`,
    });
  return survey;
}

/** The tool's name in Thai and English from the framework. */
export function toolName(framework: Framework, tool: string): { th: string; en: string } {
  return framework.tools.find((t) => t.id === tool)?.name ?? { th: tool, en: tool };
}

/** The framework's collection window (the survey's own days must lie inside it). */
export function collectionWindow(framework: Framework): { start: string; end: string } {
  const window = framework.windows.find((w) => w.id === framework.surveys.window);
  if (!window)
    throw new Error(`framework ${framework.id} has no window ${framework.surveys.window}`);
  return { start: window.start, end: window.end };
}

/** The public link of a survey: `/go/{tool}/{token}` on the public address. */
export function surveyLink(origin: string, survey: Pick<SurveyRow, "tool" | "token">): string {
  return `${origin.replace(/\/+$/, "")}/go/${survey.tool.toLowerCase()}/${survey.token}`;
}
