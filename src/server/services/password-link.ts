import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/database.ts";
import { passwordResets } from "../db/schema.ts";

/** Only this hash of an emailed token is stored, so a leaked table resets nobody's password. */
export const passwordTokenHash = (token: string) =>
  createHash("sha256").update(token).digest("hex");

/** Stores a new single-use set-password token for the account (inside the caller's transaction). */
export async function issuePasswordToken(options: {
  db: Db;
  userId: string;
  now: Date;
  validForMinutes: number;
}): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(options.now.getTime() + options.validForMinutes * 60_000);
  await options.db
    .insert(passwordResets)
    .values({ tokenHash: passwordTokenHash(token), userId: options.userId, expiresAt });
  return { token, expiresAt };
}

/** The page of the web app where the token's owner chooses a password. */
export function passwordLink(publicUrl: string | undefined, token: string): string {
  const base = (publicUrl ?? "http://localhost:3000").replace(/\/+$/, "");
  return `${base}/reset-password?token=${encodeURIComponent(token)}`;
}
