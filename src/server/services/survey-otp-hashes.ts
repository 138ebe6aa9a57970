import { createHash } from "node:crypto";

// Only these hashes are stored: a contact hashed with its assessment, so the same person's hash
// differs between surveys of different years; codes and passes hashed on their own.

export const OTP_LIFETIME_MS = 10 * 60 * 1000;
export const OTP_MAX_ATTEMPTS = 5;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export function contactHash(contact: string, assessmentId: string): string {
  return sha256(`${contact}|${assessmentId}`);
}

/** The hash of a one-time password or of the pass a confirmed one gives. */
export function secretHash(secret: string): string {
  return sha256(secret);
}
