import { eq } from "drizzle-orm";
import { DomainError } from "../../domain/errors.ts";
import type { Db } from "../db/database.ts";
import { NATIONAL_SCOPE, users } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";
import { matchTotp } from "./totp.ts";

/** Turns the pending TOTP secret into a second factor once the person proves their app shows its codes. */
export async function enableTotp(options: {
  db: Db;
  userId: string;
  code: string;
  now: Date;
}): Promise<void> {
  await options.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, options.userId)).for("update");
    if (!user) throw new Error(`signed-in user ${options.userId} is missing`);
    if (user.totpEnabledAt)
      throw new DomainError("CONFLICT", "TOTP is already on", {
        userMessage: "เปิดใช้รหัสยืนยันตัวตนจากแอปอยู่แล้ว",
      });
    if (!user.totpSecret)
      throw new DomainError("CONFLICT", "set TOTP up first", {
        userMessage: "ยังไม่ได้ตั้งค่ารหัสยืนยันตัวตน กรุณาเริ่มตั้งค่าก่อน",
      });
    const step = matchTotp({
      secret: user.totpSecret,
      code: options.code,
      now: options.now,
      usedStep: user.totpLastStep,
    });
    if (step === undefined)
      throw new DomainError("INPUT_INVALID", "wrong authenticator code", {
        userMessage: "รหัสยืนยันตัวตนไม่ถูกต้อง ตรวจสอบว่าเวลาในโทรศัพท์ตรงและกรอกรหัสล่าสุดจากแอป",
        details: [
          { path: "body.code", th: "รหัสไม่ตรงกับแอป", en: "the code does not match the app" },
        ],
      });
    // The confirming code is spent too: it never opens a session afterwards.
    await tx
      .update(users)
      .set({ totpEnabledAt: options.now, totpLastStep: step })
      .where(eq(users.id, options.userId));
    await appendAudit({
      db: tx,
      agencyId: NATIONAL_SCOPE,
      actor: options.userId,
      action: "totp.enable",
      entity: "user",
      entityId: options.userId,
      after: { totpEnabled: true },
    });
  });
}
