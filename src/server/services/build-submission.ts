import type { Framework } from "../../domain/framework/schema.ts";
import { checkSurveyAnswers, isStraightLine } from "../../domain/survey/check-survey-answers.ts";
import { countVector, type TallyLayout, tallyLayout } from "../../domain/survey/tally-layout.ts";
import type { Submission } from "./survey-intake.ts";

const layouts = new WeakMap<Framework, Map<string, TallyLayout>>();

function layoutOf(framework: Framework, tool: string): TallyLayout {
  const byTool = layouts.get(framework) ?? new Map<string, TallyLayout>();
  layouts.set(framework, byTool);
  const layout = byTool.get(tool) ?? tallyLayout(framework, tool);
  byTool.set(tool, layout);
  return layout;
}

/**
 * A submission from one respondent's raw answers: checked against the framework (every problem
 * listed), flagged when straight-lined, and counted in the framework's tally layout.
 */
export function buildSubmission(options: {
  framework: Framework;
  survey: { agencyId: string; assessmentId: string; tool: string };
  answers: Record<string, string>;
  channel: Submission["channel"];
  idempotencyKey: string;
  /** The Bangkok calendar day: the only time a response keeps. */
  submittedOn: string;
}): Submission {
  const { framework, survey } = options;
  const answers = checkSurveyAnswers(framework, survey.tool, options.answers);
  return {
    agencyId: survey.agencyId,
    assessmentId: survey.assessmentId,
    tool: survey.tool,
    frameworkId: framework.id,
    channel: options.channel,
    answers,
    counts: countVector(layoutOf(framework, survey.tool), answers),
    submittedOn: options.submittedOn,
    idempotencyKey: options.idempotencyKey,
    straightLine: isStraightLine(
      framework,
      survey.tool,
      answers,
      framework.surveys.integrity.straightLineMinimumItems,
    ),
  };
}
