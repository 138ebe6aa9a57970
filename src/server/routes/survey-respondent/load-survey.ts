import { DomainError } from "../../../domain/errors.ts";
import type { Framework } from "../../../domain/framework/schema.ts";
import { type SurveyGroup, surveyGroups } from "../../../domain/survey/survey-form.ts";
import { bangkokDay } from "../../../domain/thai/bangkok-day.ts";
import { surveyPaths } from "../../../shared/survey-respondent.ts";
import type { AppContext } from "../../app.ts";
import { type ItemLabel, itemLabels, type SurveyInfo } from "../../pages/survey/survey-info.ts";
import {
  findSurveyByToken,
  frameworkOf,
  isSurveyOpen,
  type SurveyRow,
} from "../../services/survey-rows.ts";

export interface LoadedSurvey {
  survey: SurveyRow;
  framework: Framework;
  groups: SurveyGroup[];
  labels: Map<string, ItemLabel>;
  info: SurveyInfo;
}

/** The survey a link names with its framework's screens; a Thai 404 page when there is none. */
export async function loadSurvey(
  context: AppContext,
  params: { tool: string; token: string },
): Promise<LoadedSurvey> {
  const found = await findSurveyByToken({ db: context.database.db, ...params });
  if (!found)
    throw new DomainError("INPUT_NOT_FOUND", "no survey with this link", {
      userMessage: "ไม่พบแบบสำรวจตามลิงก์นี้ กรุณาตรวจสอบลิงก์หรือสแกนคิวอาร์โค้ดอีกครั้ง",
    });
  const { survey } = found;
  const framework = frameworkOf(context.frameworks, found.frameworkId);
  const groups = surveyGroups(framework, survey.tool).filter((g) => g.questions.length > 0);
  const tool = framework.tools.find((t) => t.id === survey.tool);
  return {
    survey,
    framework,
    groups,
    labels: itemLabels(groups),
    info: {
      agencyName: found.agencyName,
      toolName: tool?.name.th ?? survey.tool,
      fiscalYear: found.fiscalYear,
      access: survey.access,
      opensOn: survey.opensOn,
      closesOn: survey.closesOn,
      screens: groups.length,
      basePath: surveyPaths.start(survey.tool, survey.token),
    },
  };
}

/** Whether today (in Bangkok) is before, inside or after the survey's window. */
export function windowState(
  context: AppContext,
  survey: Pick<SurveyRow, "opensOn" | "closesOn">,
): "open" | "not_yet_open" | "closed" {
  const day = bangkokDay(context.now());
  if (isSurveyOpen(survey, day)) return "open";
  return day < survey.opensOn ? "not_yet_open" : "closed";
}
