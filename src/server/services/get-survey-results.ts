import type { Framework } from "../../domain/framework/schema.ts";
import { questionScores, surveyIndicatorScores } from "../../domain/scoring/survey-scores.ts";
import type { SurveyResultsResponse } from "../../shared/survey.ts";
import type { Actor } from "../auth/authorize.ts";
import type { Db } from "../db/database.ts";
import { assertSurveyResultsVisible } from "./survey-results-visibility.ts";
import { loadSurveyScope, toolName } from "./survey-scope.ts";
import { readTallies } from "./survey-tally-rows.ts";

/**
 * Respondents and scores per tool, indicator and question, computed from the tallies only.
 * Hidden from the agency while collecting (the one rule in survey-results-visibility.ts).
 */
export async function getSurveyResults({
  db,
  frameworks,
  agencyId,
  assessmentId,
  today,
  actor,
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  agencyId: string;
  assessmentId: string;
  today: string;
  actor: Actor;
}): Promise<SurveyResultsResponse> {
  const scope = await loadSurveyScope({ db, frameworks, agencyId, assessmentId });
  const { framework } = scope;
  assertSurveyResultsVisible({ actor, agencyId, framework, surveys: scope.surveys, today });
  const tallies = await readTallies(db, { agencyId, assessmentId });
  const indicatorScores = surveyIndicatorScores(framework, tallies);
  const questions = questionScores(framework, tallies);
  return {
    assessmentId,
    tools: scope.surveys.map(({ tool }) => {
      const indicators = framework.indicators.filter((i) => i.tool === tool);
      const numbers = new Set(indicators.map((i) => i.number));
      return {
        tool,
        name: toolName(framework, tool),
        respondents: tallies.respondents[tool] ?? 0,
        indicators: indicators.map((i) => ({
          number: i.number,
          name: i.name,
          score: indicatorScores.get(i.number) ?? null,
        })),
        questions: questions
          .filter((q) => numbers.has(q.indicator))
          .map((q) => ({
            id: q.id,
            indicator: q.indicator,
            score: q.score ?? null,
            items: q.items.map((item) => ({ ...item, score: item.score ?? null })),
          })),
      };
    }),
  };
}
