import { and, eq, isNull } from "drizzle-orm";
import { DomainError } from "../../domain/errors.ts";
import { hashPassword } from "../auth/passwords.ts";
import type { Db } from "../db/database.ts";
import { NATIONAL_SCOPE, passwordResets, sessions, users } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";
import { passwordTokenHash } from "./password-link.ts";

const badLink = () =>
  new DomainError("INPUT_INVALID", "the link is unknown, already used or expired", {
    userMessage: "ลิงก์นี้ใช้ไม่ได้ (ใช้ไปแล้ว หมดอายุ หรือไม่ถูกต้อง) กรุณาขอลิงก์ตั้งรหัสผ่านใหม่อีกครั้ง",
    details: [
      {
        path: "body.token",
        th: "ลิงก์ใช้ได้ครั้งเดียวและภายในเวลาที่กำหนด",
        en: "a link works once, before it expires",
      },
    ],
  });

/**
 * Sets the password of the link's account: once, before expiry. It also unlocks the account and
 * ends every session, so whoever knew the old password is signed out.
 */
export async function confirmPasswordReset(options: {
  db: Db;
  token: string;
  password: string;
  now: Date;
}): Promise<void> {
  const { db, now } = options;
  const tokenHash = passwordTokenHash(options.token);
  const usable = async (tx: Db) => {
    const [reset] = await tx
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.tokenHash, tokenHash))
      .for("update");
    if (!reset || reset.usedAt || reset.expiresAt <= now) throw badLink();
    return reset;
  };
  // Checked before the costly hash, then again under the row lock so two uses cannot both win.
  await usable(db);
  const passwordHash = await hashPassword(options.password);
  await db.transaction(async (tx) => {
    const { userId } = await usable(tx);
    // Every other outstanding link of the account stops working too.
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
    await tx
      .update(users)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null })
      .where(eq(users.id, userId));
    const ended = await tx
      .delete(sessions)
      .where(eq(sessions.userId, userId))
      .returning({ userId: sessions.userId });
    await appendAudit({
      db: tx,
      agencyId: NATIONAL_SCOPE,
      actor: userId,
      action: "password.reset",
      entity: "user",
      entityId: userId,
      after: { sessionsEnded: ended.length },
    });
  });
}
