import { DomainError } from "../../domain/errors.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import type { PhoneEntryResponse } from "../../shared/survey.ts";
import type { Db } from "../db/database.ts";
import { appendAudit } from "./append-audit.ts";
import { buildSubmission } from "./build-submission.ts";
import type { Intake } from "./survey-intake.ts";
import { isSurveyOpen } from "./survey-rows.ts";
import { loadSurveyScope, surveyOf } from "./survey-scope.ts";

/**
 * One telephone interview's answers, entered by an evaluator on the respondent's behalf and
 * stored through the intake like any other response. The audit says that an evaluator entered
 * one for this assessment, never which response: the entity is the assessment.
 */
export async function enterPhoneResponse({
  db,
  frameworks,
  intake,
  agencyId,
  assessmentId,
  tool,
  answers,
  idempotencyKey,
  today,
  actor,
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  intake: Intake;
  agencyId: string;
  assessmentId: string;
  tool: string;
  answers: Record<string, string>;
  idempotencyKey: string;
  today: string;
  actor: string;
}): Promise<PhoneEntryResponse> {
  const scope = await loadSurveyScope({ db, frameworks, agencyId, assessmentId });
  const survey = surveyOf(scope, tool);
  if (!isSurveyOpen(survey, today))
    throw new DomainError(
      "CONFLICT",
      `${tool} takes answers from ${survey.opensOn} to ${survey.closesOn}`,
      {
        userMessage: `แบบวัด ${tool} รับคำตอบเฉพาะวันที่ ${survey.opensOn} ถึง ${survey.closesOn}`,
      },
    );
  const { framework } = scope;
  const outcome = await intake.submit(
    buildSubmission({
      framework,
      survey: { agencyId, assessmentId, tool: survey.tool },
      answers,
      channel: "phone",
      idempotencyKey,
      submittedOn: today,
    }),
  );
  if (outcome !== "stored" && outcome !== "already_stored")
    throw new Error(`a phone entry has no code or pass, yet the intake answered ${outcome}`);
  // The intake commits on its own schedule; the entry is recorded once, when first stored.
  if (outcome === "stored")
    await db.transaction((tx) =>
      appendAudit({
        db: tx,
        agencyId,
        actor,
        action: "survey.phone_entry",
        entity: "assessment",
        entityId: assessmentId,
        after: { tool },
      }),
    );
  return { outcome };
}
