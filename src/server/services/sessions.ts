import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import { DomainError } from "../../domain/errors.ts";
import { LOCK_MINUTES, LOGIN_FAILURES_BEFORE_LOCK, SESSION_HOURS } from "../../shared/limits.ts";
import type { Actor, Role } from "../auth/authorize.ts";
import { hashPassword, verifyPassword } from "../auth/passwords.ts";
import type { Db } from "../db/database.ts";
import { memberships, sessions, users } from "../db/schema.ts";
import { claimTotpStep, matchTotp } from "./totp.ts";

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");
// Unknown e-mails still cost one argon2 verification, so timing does not reveal who has an account.
const decoy = hashPassword("decoy-password-never-used");

const wrongCredentials = () =>
  new DomainError("UNAUTHENTICATED", "wrong e-mail or password", {
    userMessage: "อีเมลหรือรหัสผ่านไม่ถูกต้อง",
  });

const totpRequired = () =>
  new DomainError("TOTP_REQUIRED", "this account needs its authenticator code", {
    userMessage: "กรอกรหัสยืนยันตัวตน 6 หลักจากแอป",
  });
const wrongTotp = () =>
  new DomainError("TOTP_REQUIRED", "wrong or already used authenticator code", {
    userMessage: "รหัสยืนยันตัวตนไม่ถูกต้องหรือถูกใช้ไปแล้ว กรอกรหัสล่าสุดจากแอป",
  });

/**
 * Checks a password (and the authenticator code once the account has turned TOTP on) and opens a
 * session; repeated failures of either lock the account for a while.
 */
export async function signIn(options: {
  db: Db;
  email: string;
  password: string;
  totp?: string | undefined;
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
    await recordFailure(db, user, now);
    throw wrongCredentials();
  }
  if (user.totpEnabledAt && user.totpSecret) {
    // Asked for only after the right password, so the answer reveals nothing to a guesser.
    if (options.totp === undefined) throw totpRequired();
    const step = matchTotp({
      secret: user.totpSecret,
      code: options.totp,
      now,
      usedStep: user.totpLastStep,
    });
    if (step === undefined || !(await claimTotpStep(db, user.id, step))) {
      await recordFailure(db, user, now);
      throw wrongTotp();
    }
  }
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await tx.insert(sessions).values({ tokenHash: tokenHash(token), userId: user.id, expiresAt });
  });
  return { token, expiresAt, userId: user.id };
}

/** Counts one more failure; the last allowed one locks the account for a while. */
async function recordFailure(
  db: Db,
  user: { id: string; failedLogins: number; lockedUntil: Date | null },
  now: Date,
): Promise<void> {
  const failures = user.failedLogins + 1;
  const lock = failures >= LOGIN_FAILURES_BEFORE_LOCK;
  await db
    .update(users)
    .set({
      failedLogins: lock ? 0 : failures,
      lockedUntil: lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : user.lockedUntil,
    })
    .where(eq(users.id, user.id));
}

/** The signed-in actor with every membership, or undefined for a missing or expired session. */
// Every request runs this query: it is built once per database and prepared by name, so neither
// the query builder nor PostgreSQL's planner repeats work per request.
const resolvers = new WeakMap<Db, ReturnType<typeof buildResolver>>();

function buildResolver(db: Db) {
  return db
    .select({
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      totpEnabledAt: users.totpEnabledAt,
      expiresAt: sessions.expiresAt,
      memberships: sql<MembershipRow[]>`coalesce((
        select json_agg(json_build_object('agencyId', m.agency_id, 'role', m.role, 'division', m.division))
        from ${memberships} m where m.user_id = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder("hash")),
        gt(sessions.expiresAt, sql`${sql.placeholder("now")}::timestamptz`),
      ),
    )
    .prepare("resolve_session");
}

function resolver(db: Db): ReturnType<typeof buildResolver> {
  let prepared = resolvers.get(db);
  if (!prepared) {
    prepared = buildResolver(db);
    resolvers.set(db, prepared);
  }
  return prepared;
}

interface MembershipRow {
  agencyId: string;
  role: Role;
  division: string | null;
}

export async function resolveSession(options: {
  db: Db;
  token: string;
  now?: Date;
}): Promise<SignedInUser | undefined> {
  return (await findSession(options))?.actor;
}

type SignedInUser = Actor & { email: string; displayName: string; totpEnabled: boolean };

/** The session's actor and when the session ends, or undefined for a missing or expired one. */
export async function findSession(options: {
  db: Db;
  token: string;
  now?: Date;
}): Promise<{ actor: SignedInUser; expiresAt: Date } | undefined> {
  const now = options.now ?? new Date();
  const [row] = await resolver(options.db).execute({
    hash: tokenHash(options.token),
    now: now.toISOString(),
  });
  if (!row) return undefined;
  const { totpEnabledAt, expiresAt, ...who } = row;
  return {
    actor: {
      ...who,
      totpEnabled: totpEnabledAt !== null,
      memberships: row.memberships.map((m) => ({ ...m, division: m.division ?? undefined })),
    },
    expiresAt,
  };
}

export async function signOut({ db, token }: { db: Db; token: string }): Promise<void> {
  await db.delete(sessions).where(sql`${sessions.tokenHash} = ${tokenHash(token)}`);
}
