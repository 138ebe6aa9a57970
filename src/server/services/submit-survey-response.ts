import { DomainError } from "../../domain/errors.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import { normalizeSurveyCode } from "../../domain/survey/survey-codes.ts";
import { bangkokDay } from "../../domain/thai/bangkok-day.ts";
import type { Db } from "../db/database.ts";
import { buildSubmission } from "./build-submission.ts";
import type { Intake, SubmitOutcome } from "./survey-intake.ts";
import type { FindSurvey } from "./survey-link-cache.ts";
import { secretHash } from "./survey-otp-hashes.ts";
import { findSurveyByToken, frameworkOf, isSurveyOpen } from "./survey-rows.ts";

export interface SubmitSurveyResponseOptions {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  intake: Intake;
  now: () => Date;
  /** How the link is looked up (a short-lived cache in the routes). */
  findSurvey?: FindSurvey | undefined;
  tool: string;
  token: string;
  answers: Record<string, string>;
  idempotencyKey: string;
  code?: string | undefined;
  otpPass?: string | undefined;
}

/**
 * A respondent's answers through a survey link: the link must exist and be open today, the
 * access mode's credential must be given, and the answers must fit the framework; then the
 * intake stores them once per idempotency key.
 */
export async function submitSurveyResponse(
  options: SubmitSurveyResponseOptions,
): Promise<Exclude<SubmitOutcome, "code_used" | "pass_used">> {
  const found = options.findSurvey
    ? await options.findSurvey(options.tool, options.token)
    : await findSurveyByToken(options);
  if (!found)
    throw new DomainError("INPUT_NOT_FOUND", "no such survey link", {
      userMessage: "ไม่พบแบบสำรวจตามลิงก์นี้ ตรวจสอบลิงก์หรือ QR code อีกครั้ง",
    });
  const { survey, frameworkId } = found;
  const today = bangkokDay(options.now());
  if (!isSurveyOpen(survey, today))
    throw new DomainError(
      "CONFLICT",
      `the survey takes answers from ${survey.opensOn} to ${survey.closesOn}`,
      {
        userMessage: `แบบสำรวจนี้เปิดรับคำตอบระหว่างวันที่ ${survey.opensOn} ถึง ${survey.closesOn}`,
      },
    );
  const framework = frameworkOf(options.frameworks, frameworkId);
  const submission = buildSubmission({
    framework,
    survey,
    answers: options.answers,
    channel: survey.access === "open" ? "link" : survey.access,
    idempotencyKey: options.idempotencyKey,
    submittedOn: today,
  });
  if (survey.access === "code") {
    if (!options.code) throw credentialMissing("a printed code", "รหัสที่พิมพ์แจก");
    submission.code = normalizeSurveyCode(options.code);
  }
  if (survey.access === "otp") {
    if (!options.otpPass)
      throw credentialMissing("a confirmed one-time password", "รหัส OTP ที่ยืนยันแล้ว");
    submission.otpPassHash = secretHash(options.otpPass);
  }
  const outcome = await options.intake.submit(submission);
  if (outcome === "code_used" || outcome === "pass_used")
    throw new DomainError(
      "CONFLICT",
      `the ${outcome === "code_used" ? "code" : "pass"} was already used or is unknown`,
      {
        userMessage:
          outcome === "code_used"
            ? "รหัสนี้ถูกใช้ตอบแบบสำรวจไปแล้ว หรือไม่ใช่รหัสของแบบสำรวจนี้"
            : "การยืนยันตัวตนนี้ถูกใช้ตอบแบบสำรวจไปแล้ว",
      },
    );
  return outcome;
}

function credentialMissing(en: string, th: string): DomainError {
  return new DomainError("INPUT_INVALID", `this survey needs ${en}`, {
    userMessage: `แบบสำรวจนี้ต้องใช้${th}`,
    details: [{ path: "code", th: `กรุณากรอก${th}`, en: `give ${en}` }],
  });
}
