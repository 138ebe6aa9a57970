import type { Framework } from "../framework/schema.ts";
import { oitIndicatorScores, type SubIndicatorScore, subIndicatorScores } from "./oit-scores.ts";
import { type ScoreResult, scoreFromIndicators } from "./overall.ts";
import type { ParsedAnswers } from "./parse-answers.ts";
import { type QuestionScore, questionScores, surveyIndicatorScores } from "./survey-scores.ts";
import { type Tallies, tallyResponses } from "./tallies.ts";

export interface DetailedScore extends ScoreResult {
  tallies: Tallies;
  questions: QuestionScore[];
  subIndicators: SubIndicatorScore[];
}

/** Scores from tallies and verdicts; the survey side never looks at individual responses. */
export function scoreTallies(
  framework: Framework,
  tallies: Tallies,
  verdicts: ParsedAnswers["oit"],
): DetailedScore {
  const indicators = surveyIndicatorScores(framework, tallies);
  const subIndicators = verdicts ? subIndicatorScores(framework, verdicts) : [];
  if (verdicts) for (const [n, v] of oitIndicatorScores(framework, verdicts)) indicators.set(n, v);
  return {
    ...scoreFromIndicators(framework, indicators),
    tallies,
    questions: questionScores(framework, tallies),
    subIndicators,
  };
}

export function scoreAnswers(framework: Framework, answers: ParsedAnswers): DetailedScore {
  return scoreTallies(framework, tallyResponses(answers.responses), answers.oit);
}
