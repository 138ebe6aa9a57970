import { DomainError, type IssueDetail } from "../errors.ts";
import type { Framework } from "../framework/schema.ts";
import { surveyGroups, surveyTools } from "./survey-form.ts";

/**
 * Checks one respondent's answers (scored item id → option id) against a tool of the framework:
 * every item answered with one of its scale's options, nothing else. Lists every problem.
 */
export function checkSurveyAnswers(
  framework: Framework,
  tool: string,
  answers: Record<string, string>,
): Record<string, string> {
  if (!surveyTools(framework).includes(tool))
    throw new DomainError("INPUT_INVALID", `${framework.id} has no survey ${tool}`, {
      userMessage: `กรอบการประเมิน ${framework.id} ไม่มีแบบวัด ${tool}`,
    });
  const problems: IssueDetail[] = [];
  const known = new Set<string>();
  const checked: Record<string, string> = {};
  for (const group of surveyGroups(framework, tool))
    for (const { question, scale, itemIds } of group.questions)
      for (const itemId of itemIds) {
        known.add(itemId);
        const answer = answers[itemId];
        if (answer === undefined || answer === "")
          problems.push({
            path: itemId,
            th: `ยังไม่ได้ตอบข้อ ${question.id} (${itemId})`,
            en: `item ${itemId} of question ${question.id} is not answered`,
          });
        else if (!scale.options.some((o) => o.id === answer))
          problems.push({
            path: itemId,
            th: `คำตอบ "${answer}" ของข้อ ${itemId} ไม่อยู่ในตัวเลือก`,
            en: `"${answer}" is not an option of item ${itemId}`,
          });
        else checked[itemId] = answer;
      }
  for (const itemId of Object.keys(answers))
    if (!known.has(itemId))
      problems.push({
        path: itemId,
        th: `แบบวัด ${tool} ไม่มีข้อ ${itemId}`,
        en: `${tool} has no item ${itemId}`,
      });
  if (problems.length > 0)
    throw new DomainError("INPUT_INVALID", `${problems.length} problem(s) in the answers`, {
      userMessage: "คำตอบยังไม่ครบหรือไม่ถูกต้อง กรุณาตรวจสอบข้อที่ระบุ",
      details: problems,
    });
  return checked;
}

/**
 * Straight-lining: the same option chosen for every item of the most-used scale, when that scale
 * has at least `minimumItems` items. Flagged for evaluators, never dropped.
 */
export function isStraightLine(
  framework: Framework,
  tool: string,
  answers: Record<string, string>,
  minimumItems: number,
): boolean {
  const byScale = new Map<string, string[]>();
  for (const group of surveyGroups(framework, tool))
    for (const { scale, itemIds } of group.questions)
      for (const itemId of itemIds) {
        const answer = answers[itemId];
        if (answer !== undefined) byScale.set(scale.id, [...(byScale.get(scale.id) ?? []), answer]);
      }
  const largest = [...byScale.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  return largest.length >= minimumItems && new Set(largest).size === 1;
}
