import { randomBytes } from "node:crypto";
import { DomainError } from "../../domain/errors.ts";
import type { Membership } from "../auth/authorize.ts";
import { hashPassword } from "../auth/passwords.ts";
import type { Db } from "../db/database.ts";
import { isUniqueViolation } from "../db/is-unique-violation.ts";
import { memberships, users } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";

export interface CreateUserOptions {
  db: Db;
  /** Who creates the account, for the audit log. */
  actor: string;
  email: string;
  displayName: string;
  /** Without one the account gets a password nobody knows, until its owner sets one by emailed link. */
  password?: string | undefined;
  memberships: Membership[];
}

/** Creates an account with its memberships; each agency's audit chain records its new member. */
export async function createUser(options: CreateUserOptions): Promise<{ id: string }> {
  // A hash of random bytes, not a marker: signing in to an unset account costs the same argon2 time.
  const passwordHash = await hashPassword(
    options.password ?? randomBytes(32).toString("base64url"),
  );
  const email = options.email.trim().toLowerCase();
  try {
    return await options.db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email, displayName: options.displayName, passwordHash })
        .returning({ id: users.id });
      if (!user) throw new Error("insert returned no user");
      for (const m of options.memberships) {
        await tx.insert(memberships).values({ ...m, userId: user.id });
        await appendAudit({
          db: tx,
          agencyId: m.agencyId,
          actor: options.actor,
          action: "membership.create",
          entity: "user",
          entityId: user.id,
          // The audit entry never holds the password hash.
          after: { email, role: m.role, division: m.division ?? null },
        });
      }
      return user;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new DomainError("CONFLICT", `an account with ${email} already exists`, {
      userMessage: "มีบัญชีผู้ใช้ที่ใช้อีเมลนี้อยู่แล้ว",
      details: [
        { path: "email", th: "อีเมลนี้มีบัญชีผู้ใช้อยู่แล้ว", en: "this email already has an account" },
      ],
      cause: error,
    });
  }
}
