import { and, eq, isNull, lt, or } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import type { Db } from "../db/database.ts";
import { users } from "../db/schema.ts";

// RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps.
const settings = { issuer: "Prongsai", algorithm: "SHA1", digits: 6, period: 30 } as const;

/** A fresh 160-bit secret and the otpauth:// URI that carries it, labelled with the account's email. */
export function newTotpSecret(label: string): { uri: string; secret: string } {
  const totp = new TOTP({ ...settings, label, secret: new Secret({ size: 20 }) });
  return { uri: totp.toString(), secret: totp.secret.base32 };
}

/**
 * The time step a code belongs to, within one step either side of `now` for clock drift; undefined
 * when it matches none, or only a step at or before `usedStep`, so a code never works twice.
 */
export function matchTotp(options: {
  secret: string;
  code: string;
  now: Date;
  usedStep: number | null;
}): number | undefined {
  const timestamp = options.now.getTime();
  const delta = TOTP.validate({
    ...settings,
    token: options.code,
    secret: Secret.fromBase32(options.secret),
    timestamp,
    window: 1,
  });
  if (delta === null) return undefined;
  const step = TOTP.counter({ period: settings.period, timestamp }) + delta;
  return options.usedStep !== null && step <= options.usedStep ? undefined : step;
}

/** Records the step as used unless a concurrent request already used it (or a later one); true when won. */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const claimed = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return claimed.length === 1;
}
