import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import { DomainError } from "../../domain/errors.ts";
import { LOCK_MINUTES, LOGIN_FAILURES_BEFORE_LOCK, SESSION_HOURS } from "../../shared/limits.ts";
import type { Actor, Role } from "../auth/authorize.ts";
import { hashPassword, verifyPassword } from "../auth/passwords.ts";
import type { Db } from "../db/database.ts";
import { memberships, sessions, users } from "../db/schema.ts";

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");
// Unknown e-mails still cost one argon2 verification, so timing does not reveal who has an account.
const decoy = hashPassword("decoy-password-never-used");

const wrongCredentials = () =>
  new DomainError("UNAUTHENTICATED", "wrong e-mail or password", {
    userMessage: "อีเมลหรือรหัสผ่านไม่ถูกต้อง",
  });

/** Checks a password and opens a session; repeated failures lock the account for a while. */
export async function signIn(options: {
  db: Db;
  email: string;
  password: string;
  now?: Date;
}): Promise<{ token: string; expiresAt: Date; userId: string }> {
  const { db } = options;
  const now = options.now ?? new Date();
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, options.email.trim().toLowerCase()));
  if (!user) {
    await verifyPassword(await decoy, options.password);
    throw wrongCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > now)
    throw new DomainError("ACCOUNT_LOCKED", "account locked after repeated failures", {
      userMessage: `บัญชีถูกล็อกชั่วคราวเพราะใส่รหัสผ่านผิดหลายครั้ง ลองใหม่หลัง ${user.lockedUntil.toISOString()}`,
    });
  if (!(await verifyPassword(user.passwordHash, options.password))) {
    const failures = user.failedLogins + 1;
    const lock = failures >= LOGIN_FAILURES_BEFORE_LOCK;
    await db
      .update(users)
      .set({
        failedLogins: lock ? 0 : failures,
        lockedUntil: lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : user.lockedUntil,
      })
      .where(eq(users.id, user.id));
    throw wrongCredentials();
  }
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await tx.insert(sessions).values({ tokenHash: tokenHash(token), userId: user.id, expiresAt });
  });
  return { token, expiresAt, userId: user.id };
}

/** The signed-in actor with every membership, or undefined for a missing or expired session. */
interface MembershipRow {
  agencyId: string;
  role: Role;
  division: string | null;
}

export async function resolveSession(options: {
  db: Db;
  token: string;
  now?: Date;
}): Promise<(Actor & { email: string; displayName: string }) | undefined> {
  const now = options.now ?? new Date();
  // One round trip per request: the user and all their memberships together.
  const [row] = await options.db
    .select({
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      memberships: sql<MembershipRow[]>`coalesce((
        select json_agg(json_build_object('agencyId', m.agency_id, 'role', m.role, 'division', m.division))
        from ${memberships} m where m.user_id = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash(options.token)), gt(sessions.expiresAt, now)));
  if (!row) return undefined;
  return {
    ...row,
    memberships: row.memberships.map((m) => ({ ...m, division: m.division ?? undefined })),
  };
}

export async function signOut({ db, token }: { db: Db; token: string }): Promise<void> {
  await db.delete(sessions).where(sql`${sessions.tokenHash} = ${tokenHash(token)}`);
}
