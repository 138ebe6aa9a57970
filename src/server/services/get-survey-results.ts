import type { Framework } from "../../domain/framework/schema.ts";
import { questionScores, surveyIndicatorScores } from "../../domain/scoring/survey-scores.ts";
import type { SurveyResultsResponse } from "../../shared/survey.ts";
import type { Db } from "../db/database.ts";
import type { SurveyScope } from "./survey-scope.ts";
import { loadSurveyScope, toolName } from "./survey-scope.ts";
import { readTallies } from "./survey-tally-rows.ts";

/** Whether any survey of the assessment still takes (or will take) answers on this day. */
export function stillCollecting(scope: SurveyScope, today: string): boolean {
  return scope.surveys.some((survey) => today <= survey.closesOn);
}

/**
 * Respondents and scores per tool, indicator and question, computed from the tallies only.
 * `mayRead` decides, given whether collection is still going on, if the caller may see them.
 */
export async function getSurveyResults({
  db,
  frameworks,
  agencyId,
  assessmentId,
  today,
  assertMaySee,
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  agencyId: string;
  assessmentId: string;
  today: string;
  /** Throws when the caller may not see scores while the collection is open. */
  assertMaySee: (hidden: boolean) => void;
}): Promise<SurveyResultsResponse> {
  const scope = await loadSurveyScope({ db, frameworks, agencyId, assessmentId });
  const { framework } = scope;
  assertMaySee(framework.surveys.hideScoresUntilClosed && stillCollecting(scope, today));
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
