import { and, count, eq, gt, isNull } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { MAX_LIVE_RESET_LINKS, RESET_LINK_MINUTES } from "../../shared/limits.ts";
import type { Db } from "../db/database.ts";
import { NATIONAL_SCOPE, passwordResets, users } from "../db/schema.ts";
import { resetEmail } from "./account-emails.ts";
import { appendAudit } from "./append-audit.ts";
import type { Mailer } from "./mailer.ts";
import { issuePasswordToken, passwordLink } from "./password-link.ts";

/**
 * Emails a one-hour reset link when the address has an account. The caller answers the same way
 * either way, and the mail goes out in the background, so the answer reveals nothing.
 */
export async function requestPasswordReset(options: {
  db: Db;
  mailer: Mailer;
  publicUrl: string | undefined;
  log: FastifyBaseLogger;
  email: string;
  now: Date;
}): Promise<void> {
  const { db, now } = options;
  const [user] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.email, options.email.trim().toLowerCase()));
  if (!user) return;
  const [{ live = 0 } = {}] = await db
    .select({ live: count() })
    .from(passwordResets)
    .where(
      and(
        eq(passwordResets.userId, user.id),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
      ),
    );
  if (live >= MAX_LIVE_RESET_LINKS) return;
  const issued = await db.transaction(async (tx) => {
    const link = await issuePasswordToken({
      db: tx,
      userId: user.id,
      now,
      validForMinutes: RESET_LINK_MINUTES,
    });
    await appendAudit({
      db: tx,
      agencyId: NATIONAL_SCOPE,
      actor: user.id,
      action: "password.reset_request",
      entity: "user",
      entityId: user.id,
      after: { expiresAt: link.expiresAt.toISOString() },
    });
    return link;
  });
  const mail = resetEmail(
    user.email,
    passwordLink(options.publicUrl, issued.token),
    issued.expiresAt,
  );
  options.mailer.send(mail).catch((error: unknown) => {
    options.log.error({ err: error, userId: user.id }, "password-reset email not sent");
  });
}
