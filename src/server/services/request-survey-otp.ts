import { randomInt } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { surveyOtps } from "../db/schema.ts";
import { contactHash, OTP_LIFETIME_MS, secretHash } from "./survey-otp-hashes.ts";
import type { SurveyOtpSender } from "./survey-otp-sender.ts";
import type { SurveyRow } from "./survey-rows.ts";

/**
 * Sends a fresh six-digit code to a (normalised) contact, replacing any earlier one; "used" when
 * this contact has already answered this survey (one response per contact).
 */
export async function requestSurveyOtp({
  db,
  survey,
  contact,
  sender,
  now,
}: {
  db: Db;
  survey: Pick<SurveyRow, "agencyId" | "assessmentId" | "tool">;
  contact: string;
  sender: SurveyOtpSender;
  now: Date;
}): Promise<"sent" | "used"> {
  const { agencyId, assessmentId, tool } = survey;
  const hash = contactHash(contact, assessmentId);
  const where = and(
    eq(surveyOtps.agencyId, agencyId),
    eq(surveyOtps.assessmentId, assessmentId),
    eq(surveyOtps.tool, tool),
    eq(surveyOtps.contactHash, hash),
  );
  const [existing] = await db.select({ used: surveyOtps.used }).from(surveyOtps).where(where);
  if (existing?.used) return "used";
  const code = String(randomInt(1_000_000)).padStart(6, "0");
  const fresh = {
    codeHash: secretHash(code),
    expiresAt: new Date(now.getTime() + OTP_LIFETIME_MS),
    attempts: 0,
    passHash: null,
  };
  await db
    .insert(surveyOtps)
    .values({ agencyId, assessmentId, tool, contactHash: hash, ...fresh })
    .onConflictDoUpdate({
      target: [
        surveyOtps.agencyId,
        surveyOtps.assessmentId,
        surveyOtps.tool,
        surveyOtps.contactHash,
      ],
      set: fresh,
      // A contact that answered meanwhile keeps its used row untouched.
      setWhere: eq(surveyOtps.used, false),
    });
  await sender.send(contact, code);
  return "sent";
}
