import { DomainError } from "../../../domain/errors.ts";
import type { SurveyGroup } from "../../../domain/survey/survey-form.ts";
import { answerField, type CarriedForm } from "../../pages/survey/survey-info.ts";

// What a posted screen carries, read defensively: only the survey's own items with one of their
// scale's options are kept, so a tampered form can add nothing.

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PostedScreen extends CarriedForm {
  /** The 0-based screen the form was on. */
  screen: number;
  back: boolean;
}

export function readPostedScreen(
  fields: Record<string, string>,
  groups: SurveyGroup[],
): PostedScreen {
  const key = fields._key ?? "";
  if (!uuidPattern.test(key))
    throw new DomainError("INPUT_INVALID", "the form lost its idempotency key", {
      userMessage: "แบบฟอร์มไม่สมบูรณ์ กรุณาเปิดลิงก์แบบสำรวจแล้วเริ่มใหม่",
    });
  const answers: Record<string, string> = {};
  for (const group of groups)
    for (const { scale, itemIds } of group.questions)
      for (const itemId of itemIds) {
        const answer = fields[answerField(itemId)];
        if (answer !== undefined && scale.options.some((o) => o.id === answer))
          answers[itemId] = answer;
      }
  const screen = Number.parseInt(fields._screen ?? "0", 10);
  return {
    key,
    code: fields._code || undefined,
    pass: fields._pass || undefined,
    answers,
    screen: Number.isInteger(screen) ? Math.min(Math.max(screen, 0), groups.length - 1) : 0,
    back: fields._nav === "back",
  };
}

/** The items of one screen still unanswered. */
export function missingOn(group: SurveyGroup, answers: Record<string, string>): string[] {
  return group.questions.flatMap((q) => q.itemIds).filter((id) => answers[id] === undefined);
}
