import type { SurveyGroup } from "../../../domain/survey/survey-form.ts";

// What every respondent page says about the survey it belongs to.

export interface SurveyInfo {
  agencyName: string;
  /** The tool's Thai name from the framework. */
  toolName: string;
  fiscalYear: number;
  access: "open" | "code" | "otp";
  opensOn: string;
  closesOn: string;
  screens: number;
  /** `/go/{tool}/{token}`: every form of the survey posts below it. */
  basePath: string;
}

/** A respondent's answers so far and what admits them, carried from screen to screen. */
export interface CarriedForm {
  key: string;
  code?: string | undefined;
  pass?: string | undefined;
  answers: Record<string, string>;
}

export interface ItemLabel {
  /** "3" or "3.2": questions numbered through the whole survey, sub-items under them. */
  number: string;
  text: string;
}

/** Every item's number and wording, in the survey's order. */
export function itemLabels(groups: SurveyGroup[]): Map<string, ItemLabel> {
  const labels = new Map<string, ItemLabel>();
  let n = 0;
  for (const group of groups)
    for (const { question } of group.questions) {
      n++;
      if (question.subItems.length === 0)
        labels.set(question.id, { number: `${n}`, text: question.text });
      for (const [k, sub] of question.subItems.entries())
        labels.set(sub.id, { number: `${n}.${k + 1}`, text: sub.text });
    }
  return labels;
}

/** The form field of an item's answer. */
export const answerField = (itemId: string) => `a:${itemId}`;

/** The id of an item's first choice, where the error summary's links land. */
export const itemAnchor = (itemId: string) => `item-${itemId.replace(/[^\w-]/g, "_")}`;
