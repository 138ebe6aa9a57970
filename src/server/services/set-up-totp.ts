import { eq } from "drizzle-orm";
import { DomainError } from "../../domain/errors.ts";
import type { TotpSetupResponse } from "../../shared/auth.ts";
import type { Db } from "../db/database.ts";
import { NATIONAL_SCOPE, users } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";
import { newTotpSecret } from "./totp.ts";

/**
 * Gives the account a new, not yet active TOTP secret; it becomes a second factor only once a code
 * from it is confirmed. Refused while TOTP is on, so a stolen session cannot swap the secret.
 */
export async function setUpTotp(options: { db: Db; userId: string }): Promise<TotpSetupResponse> {
  return options.db.transaction(async (tx) => {
    const [user] = await tx
      .select({ email: users.email, enabledAt: users.totpEnabledAt })
      .from(users)
      .where(eq(users.id, options.userId))
      .for("update");
    if (!user) throw new Error(`signed-in user ${options.userId} is missing`);
    if (user.enabledAt)
      throw new DomainError("CONFLICT", "TOTP is already on; turn it off first", {
        userMessage: "เปิดใช้รหัสยืนยันตัวตนจากแอปอยู่แล้ว หากต้องการเปลี่ยนแอป ให้ปิดการใช้งานก่อนแล้วตั้งค่าใหม่",
      });
    const created = newTotpSecret(user.email);
    await tx
      .update(users)
      .set({ totpSecret: created.secret, totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, options.userId));
    // Accounts are national, so their security changes go to the national chain; never the secret.
    await appendAudit({
      db: tx,
      agencyId: NATIONAL_SCOPE,
      actor: options.userId,
      action: "totp.setup",
      entity: "user",
      entityId: options.userId,
    });
    return created;
  });
}
