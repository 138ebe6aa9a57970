import type { Membership } from "../auth/authorize.ts";
import { hashPassword } from "../auth/passwords.ts";
import type { Db } from "../db/database.ts";
import { memberships, users } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";

export interface CreateUserOptions {
  db: Db;
  /** Who creates the account, for the audit log. */
  actor: string;
  email: string;
  displayName: string;
  password: string;
  memberships: Membership[];
}

/** Creates an account with its memberships; each agency's audit chain records its new member. */
export async function createUser(options: CreateUserOptions): Promise<{ id: string }> {
  const passwordHash = await hashPassword(options.password);
  return options.db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        email: options.email.trim().toLowerCase(),
        displayName: options.displayName,
        passwordHash,
      })
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
        after: { email: options.email, role: m.role, division: m.division ?? null },
      });
    }
    return user;
  });
}
