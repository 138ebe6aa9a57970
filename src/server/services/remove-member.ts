import { and, eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { memberships } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";
import { assertAnotherAdmin, lockAgency, memberNotFound, membersOf } from "./membership-rules.ts";

/** Takes every role in this agency from the person (the account stays); never its last administrator. */
export async function removeMember(options: {
  db: Db;
  actor: string;
  agencyId: string;
  userId: string;
}): Promise<void> {
  const { agencyId, userId } = options;
  await options.db.transaction(async (tx) => {
    await lockAgency(tx, agencyId);
    const before = await membersOf(tx, agencyId, userId);
    if (before.length === 0) throw memberNotFound(userId);
    if (before.some((m) => m.role === "agency_admin"))
      await assertAnotherAdmin(tx, agencyId, userId);
    await tx
      .delete(memberships)
      .where(and(eq(memberships.agencyId, agencyId), eq(memberships.userId, userId)));
    await appendAudit({
      db: tx,
      agencyId,
      actor: options.actor,
      action: "membership.delete",
      entity: "user",
      entityId: userId,
      before: before.map(({ email, role, division }) => ({ email, role, division })),
    });
  });
}
