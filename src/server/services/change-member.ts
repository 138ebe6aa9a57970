import { and, eq } from "drizzle-orm";
import type { MemberResponse, MemberUpdate } from "../../shared/members.ts";
import type { Db } from "../db/database.ts";
import { memberships } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";
import {
  assertAnotherAdmin,
  assertDivisionOf,
  lockAgency,
  memberNotFound,
  membersOf,
} from "./membership-rules.ts";

/** Gives a member a new role (and division) in this agency; its last administrator stays one. */
export async function changeMember(options: {
  db: Db;
  actor: string;
  agencyId: string;
  userId: string;
  change: MemberUpdate;
}): Promise<MemberResponse> {
  const { agencyId, userId, change } = options;
  return options.db.transaction(async (tx) => {
    const agency = await lockAgency(tx, agencyId);
    const before = await membersOf(tx, agencyId, userId);
    if (before.length === 0) throw memberNotFound(userId);
    assertDivisionOf(agency.divisions, change.division);
    if (change.role !== "agency_admin" && before.some((m) => m.role === "agency_admin"))
      await assertAnotherAdmin(tx, agencyId, userId);
    // Replaces every role the person held here, so they end with exactly the one asked for.
    await tx
      .delete(memberships)
      .where(and(eq(memberships.agencyId, agencyId), eq(memberships.userId, userId)));
    await tx
      .insert(memberships)
      .values({ agencyId, userId, role: change.role, division: change.division ?? null });
    const [after] = await membersOf(tx, agencyId, userId);
    if (!after) throw new Error("a member just changed is missing");
    await appendAudit({
      db: tx,
      agencyId,
      actor: options.actor,
      action: "membership.update",
      entity: "user",
      entityId: userId,
      before: before.map(({ role, division }) => ({ role, division })),
      after: { role: after.role, division: after.division },
    });
    return after;
  });
}
