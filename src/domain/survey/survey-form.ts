import type { Framework, LocalText, Question, Scale } from "../framework/schema.ts";

/** One screen of a survey: the questions of one indicator. */
export interface SurveyGroup {
  indicator: number;
  name: LocalText;
  questions: { question: Question; scale: Scale; itemIds: string[] }[];
}

/** The survey tools of a framework (the ones respondents answer). */
export function surveyTools(framework: Framework): string[] {
  return framework.tools.filter((t) => t.kind === "survey").map((t) => t.id);
}

const groupsCache = new WeakMap<Framework, Map<string, SurveyGroup[]>>();

/** The screens of one tool's form, one per indicator, in the framework's order (computed once). */
export function surveyGroups(framework: Framework, tool: string): SurveyGroup[] {
  const byTool = groupsCache.get(framework) ?? new Map<string, SurveyGroup[]>();
  groupsCache.set(framework, byTool);
  const cached = byTool.get(tool);
  if (cached) return cached;
  const groups = buildGroups(framework, tool);
  byTool.set(tool, groups);
  return groups;
}

function buildGroups(framework: Framework, tool: string): SurveyGroup[] {
  const scales = new Map(framework.scales.map((s) => [s.id, s]));
  return framework.indicators
    .filter((indicator) => indicator.tool === tool)
    .map((indicator) => ({
      indicator: indicator.number,
      name: indicator.name,
      questions: framework.questions.flatMap((question) => {
        const scale = scales.get(question.scale);
        if (question.indicator !== indicator.number || !scale) return [];
        const itemIds =
          question.subItems.length > 0 ? question.subItems.map((s) => s.id) : [question.id];
        return [{ question, scale, itemIds }];
      }),
    }));
}
