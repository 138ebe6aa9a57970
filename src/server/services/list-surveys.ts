import { and, eq, sql } from "drizzle-orm";
import type { Framework } from "../../domain/framework/schema.ts";
import { minimumSample } from "../../domain/survey/minimum-sample.ts";
import type { SurveyListResponse } from "../../shared/survey.ts";
import type { Db } from "../db/database.ts";
import { surveyCodes } from "../db/schema.ts";
import { isSurveyOpen } from "./survey-rows.ts";
import { collectionWindow, loadSurveyScope, surveyLink, toolName } from "./survey-scope.ts";
import { readTallies } from "./survey-tally-rows.ts";

/**
 * Each survey of an assessment with its link, window, and respondents so far (from the tallies,
 * never by counting responses) against the framework's minimum sample; printed codes as counts.
 */
export async function listSurveys({
  db,
  frameworks,
  agencyId,
  assessmentId,
  today,
  origin,
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  agencyId: string;
  assessmentId: string;
  today: string;
  origin: string;
}): Promise<SurveyListResponse> {
  const scope = await loadSurveyScope({ db, frameworks, agencyId, assessmentId });
  const { framework } = scope;
  const tallies = await readTallies(db, { agencyId, assessmentId });
  const batches = await db
    .select({
      tool: surveyCodes.tool,
      batch: surveyCodes.batch,
      printed: sql<number>`count(*)::int`,
      used: sql<number>`(count(*) filter (where ${surveyCodes.used}))::int`,
    })
    .from(surveyCodes)
    .where(and(eq(surveyCodes.agencyId, agencyId), eq(surveyCodes.assessmentId, assessmentId)))
    .groupBy(surveyCodes.tool, surveyCodes.batch)
    .orderBy(surveyCodes.tool, surveyCodes.batch);
  const window = collectionWindow(framework);
  return {
    assessmentId,
    frameworkId: framework.id,
    today,
    surveys: scope.surveys.map((survey) => {
      const responses = tallies.respondents[survey.tool] ?? 0;
      const minimum = minimumSample(framework, survey.tool, survey.population) ?? null;
      const own = batches
        .filter((b) => b.tool === survey.tool)
        .map(({ batch, printed, used }) => ({
          batch,
          printed: Number(printed),
          used: Number(used),
        }));
      return {
        tool: survey.tool,
        name: toolName(framework, survey.tool),
        link: surveyLink(origin, survey),
        access: survey.access,
        opensOn: survey.opensOn,
        closesOn: survey.closesOn,
        openToday: isSurveyOpen(survey, today),
        window,
        population: survey.population,
        minimumSample: minimum,
        responses,
        gap: minimum === null ? null : Math.max(0, minimum - responses),
        codes: {
          printed: own.reduce((sum, b) => sum + b.printed, 0),
          used: own.reduce((sum, b) => sum + b.used, 0),
          batches: own,
        },
      };
    }),
  };
}
