import { eq } from "drizzle-orm";
import { DomainError, type IssueDetail } from "../../domain/errors.ts";
import { verifyPassword } from "../auth/passwords.ts";
import type { Db } from "../db/database.ts";
import { NATIONAL_SCOPE, users } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";
import { matchTotp } from "./totp.ts";

/** Turns the second factor off; it takes both the password and a fresh code, not just a session. */
export async function disableTotp(options: {
  db: Db;
  userId: string;
  password: string;
  code: string;
  now: Date;
}): Promise<void> {
  await options.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, options.userId)).for("update");
    if (!user) throw new Error(`signed-in user ${options.userId} is missing`);
    if (!user.totpEnabledAt || !user.totpSecret)
      throw new DomainError("CONFLICT", "TOTP is not on", {
        userMessage: "บัญชีนี้ยังไม่ได้เปิดใช้รหัสยืนยันตัวตนจากแอป",
      });
    const problems: IssueDetail[] = [];
    if (!(await verifyPassword(user.passwordHash, options.password)))
      problems.push({ path: "body.password", th: "รหัสผ่านไม่ถูกต้อง", en: "wrong password" });
    const step = matchTotp({
      secret: user.totpSecret,
      code: options.code,
      now: options.now,
      usedStep: user.totpLastStep,
    });
    if (step === undefined)
      problems.push({
        path: "body.code",
        th: "รหัสยืนยันตัวตนไม่ถูกต้องหรือถูกใช้ไปแล้ว",
        en: "wrong or already used authenticator code",
      });
    if (problems.length > 0)
      throw new DomainError("INPUT_INVALID", "wrong password or authenticator code", {
        userMessage: "ปิดการใช้รหัสยืนยันตัวตนไม่ได้: รหัสผ่านหรือรหัสจากแอปไม่ถูกต้อง",
        details: problems,
      });
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, options.userId));
    await appendAudit({
      db: tx,
      agencyId: NATIONAL_SCOPE,
      actor: options.userId,
      action: "totp.disable",
      entity: "user",
      entityId: options.userId,
      after: { totpEnabled: false },
    });
  });
}
