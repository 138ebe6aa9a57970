import { randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { surveyOtps } from "../db/schema.ts";
import { contactHash, OTP_MAX_ATTEMPTS, secretHash } from "./survey-otp-hashes.ts";
import type { SurveyRow } from "./survey-rows.ts";

export type OtpConfirmation =
  | { status: "ok"; pass: string }
  | { status: "wrong"; attemptsLeft: number }
  | { status: "expired" | "too_many" | "used" | "not_requested" };

/**
 * Checks a typed one-time password: at most five tries, within its lifetime. When it matches, a
 * random pass replaces it (only the pass's hash is stored) for the form to carry to submission.
 */
export async function confirmSurveyOtp({
  db,
  survey,
  contact,
  code,
  now,
}: {
  db: Db;
  survey: Pick<SurveyRow, "agencyId" | "assessmentId" | "tool">;
  contact: string;
  code: string;
  now: Date;
}): Promise<OtpConfirmation> {
  const where = and(
    eq(surveyOtps.agencyId, survey.agencyId),
    eq(surveyOtps.assessmentId, survey.assessmentId),
    eq(surveyOtps.tool, survey.tool),
    eq(surveyOtps.contactHash, contactHash(contact, survey.assessmentId)),
  );
  // Counting the attempt first, atomically, so parallel guesses cannot exceed the limit.
  const [row] = await db
    .update(surveyOtps)
    .set({ attempts: sql`${surveyOtps.attempts} + 1` })
    .where(and(where, lt(surveyOtps.attempts, OTP_MAX_ATTEMPTS), eq(surveyOtps.used, false)))
    .returning();
  if (!row) {
    const [other] = await db.select({ used: surveyOtps.used }).from(surveyOtps).where(where);
    if (!other) return { status: "not_requested" };
    return { status: other.used ? "used" : "too_many" };
  }
  if (row.expiresAt.getTime() < now.getTime()) return { status: "expired" };
  const typed = Buffer.from(secretHash(code.trim()));
  const stored = Buffer.from(row.codeHash);
  if (typed.length !== stored.length || !timingSafeEqual(typed, stored))
    return row.attempts >= OTP_MAX_ATTEMPTS
      ? { status: "too_many" }
      : { status: "wrong", attemptsLeft: OTP_MAX_ATTEMPTS - row.attempts };
  const pass = randomBytes(24).toString("base64url");
  await db
    .update(surveyOtps)
    .set({ passHash: secretHash(pass) })
    .where(and(where, eq(surveyOtps.used, false)));
  return { status: "ok", pass };
}
