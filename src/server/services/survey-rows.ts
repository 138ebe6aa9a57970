import { and, eq, inArray } from "drizzle-orm";
import { DomainError } from "../../domain/errors.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import { generateSurveyToken } from "../../domain/survey/survey-codes.ts";
import { surveyTools } from "../../domain/survey/survey-form.ts";
import type { Db } from "../db/database.ts";
import { agencies, assessments, surveys } from "../db/schema.ts";
import { ensureTallyLayouts } from "./survey-tally-rows.ts";

export type SurveyRow = typeof surveys.$inferSelect;

/** The framework of an assessment, or a clear error when it is not loaded. */
export function frameworkOf(frameworks: ReadonlyMap<string, Framework>, id: string): Framework {
  const framework = frameworks.get(id);
  if (!framework)
    throw new DomainError("FRAMEWORK_NOT_FOUND", `framework ${id} is not loaded`, {
      userMessage: `ไม่พบกรอบการประเมิน ${id} ที่การประเมินนี้ใช้`,
    });
  return framework;
}

/**
 * The survey rows of an assessment, one per survey tool, created on first use with a fresh link
 * token, the framework's default access and its collection window.
 */
export async function ensureSurveys({
  db,
  framework,
  agencyId,
  assessmentId,
}: {
  db: Db;
  framework: Framework;
  agencyId: string;
  assessmentId: string;
}): Promise<SurveyRow[]> {
  const window = framework.windows.find((w) => w.id === framework.surveys.window);
  if (!window)
    throw new Error(`framework ${framework.id} has no window ${framework.surveys.window}`);
  const wanted = surveyTools(framework).map((tool) => ({
    agencyId,
    assessmentId,
    tool,
    token: generateSurveyToken(),
    access: framework.surveys.access[tool] ?? "open",
    opensOn: window.start,
    closesOn: window.end,
  }));
  await ensureTallyLayouts(db, framework);
  if (wanted.length > 0) await db.insert(surveys).values(wanted).onConflictDoNothing();
  const rows = await db
    .select()
    .from(surveys)
    .where(and(eq(surveys.agencyId, agencyId), eq(surveys.assessmentId, assessmentId)));
  const order = surveyTools(framework);
  return rows.sort((a, b) => order.indexOf(a.tool) - order.indexOf(b.tool));
}

export interface SurveyByToken {
  survey: SurveyRow;
  agencyName: string;
  fiscalYear: number;
  frameworkId: string;
}

/** The survey a public link names; undefined for an unknown token or a token of another tool. */
export async function findSurveyByToken({
  db,
  tool,
  token,
}: {
  db: Db;
  tool: string;
  token: string;
}): Promise<SurveyByToken | undefined> {
  const found = await findSurveysByTokens(db, [token]);
  const row = found.get(token.toLowerCase());
  return row && row.survey.tool === tool.toUpperCase() ? row : undefined;
}

/** The surveys of many link tokens in one query, keyed by the lower-case token. */
export async function findSurveysByTokens(
  db: Db,
  tokens: readonly string[],
): Promise<Map<string, SurveyByToken>> {
  const wanted = [...new Set(tokens.map((t) => t.toLowerCase()))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({
      survey: surveys,
      agencyName: agencies.name,
      fiscalYear: assessments.fiscalYear,
      frameworkId: assessments.frameworkId,
    })
    .from(surveys)
    .innerJoin(
      assessments,
      and(eq(assessments.agencyId, surveys.agencyId), eq(assessments.id, surveys.assessmentId)),
    )
    .innerJoin(agencies, eq(agencies.id, surveys.agencyId))
    .where(inArray(surveys.token, wanted));
  return new Map(rows.map((row) => [row.survey.token, row]));
}

/** Whether the survey takes answers on this Bangkok calendar day (both ends inclusive). */
export function isSurveyOpen(
  survey: Pick<SurveyRow, "opensOn" | "closesOn">,
  day: string,
): boolean {
  return day >= survey.opensOn && day <= survey.closesOn;
}
