import { and, eq, ne } from "drizzle-orm";
import { DomainError, type IssueDetail } from "../../domain/errors.ts";
import type { Db } from "../db/database.ts";
import { agencies, memberships, users } from "../db/schema.ts";

// Rules every change of an agency's members obeys, shared by adding, changing and removing.

const memberColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: memberships.role,
  division: memberships.division,
  totpEnabledAt: users.totpEnabledAt,
};

/**
 * Locks the agency's row until the transaction ends, so concurrent changes of its members run one
 * after the other (two admins cannot remove each other at once); 404 when there is no such agency.
 */
export async function lockAgency(
  tx: Db,
  agencyId: string,
): Promise<{ name: string; divisions: string[] }> {
  const [agency] = await tx
    .select({ name: agencies.name, divisions: agencies.divisions })
    .from(agencies)
    .where(eq(agencies.id, agencyId))
    .for("update");
  if (!agency)
    throw new DomainError("INPUT_NOT_FOUND", `no agency ${agencyId}`, {
      userMessage: "ไม่พบหน่วยงานนี้",
    });
  return agency;
}

/** A division officer's division must be one of the agency's own; the problem, if any. */
export function divisionProblem(
  divisions: readonly string[],
  division: string | undefined,
  path: string,
): IssueDetail | undefined {
  if (division === undefined || divisions.includes(division)) return undefined;
  return {
    path,
    th: `ไม่มีกอง/ฝ่าย "${division}" ในหน่วยงานนี้ (มี: ${divisions.join(", ")})`,
    en: `the agency has no division "${division}" (it has: ${divisions.join(", ")})`,
  };
}

export function assertDivisionOf(divisions: readonly string[], division: string | undefined): void {
  const problem = divisionProblem(divisions, division, "body.division");
  if (problem)
    throw new DomainError("INPUT_INVALID", problem.en, {
      userMessage: "กอง/ฝ่ายที่ระบุไม่ใช่ของหน่วยงานนี้",
      details: [problem],
    });
}

/** Refuses a change that would leave the agency with no administrator of its own. */
export async function assertAnotherAdmin(tx: Db, agencyId: string, userId: string): Promise<void> {
  const [other] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.agencyId, agencyId),
        eq(memberships.role, "agency_admin"),
        ne(memberships.userId, userId),
      ),
    )
    .limit(1);
  if (!other)
    throw new DomainError("CONFLICT", "the agency's last administrator cannot be removed", {
      userMessage:
        "ทำรายการไม่ได้ เพราะคนนี้เป็นผู้ดูแลระบบคนสุดท้ายของหน่วยงาน หน่วยงานต้องมีผู้ดูแลระบบอย่างน้อยหนึ่งคน: แต่งตั้งผู้ดูแลระบบคนใหม่ก่อน แล้วจึงเปลี่ยนบทบาทหรือนำคนนี้ออก",
    });
}

/** The person's memberships in this agency (one per role), with their account. */
export async function membersOf(tx: Db, agencyId: string, userId?: string) {
  const rows = await tx
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      userId === undefined
        ? eq(memberships.agencyId, agencyId)
        : and(eq(memberships.agencyId, agencyId), eq(memberships.userId, userId)),
    )
    .orderBy(users.email, memberships.role);
  return rows.map(({ totpEnabledAt, ...row }) => ({ ...row, totpEnabled: totpEnabledAt !== null }));
}

export const memberNotFound = (userId: string) =>
  new DomainError("INPUT_NOT_FOUND", `user ${userId} is not a member of this agency`, {
    userMessage: "ไม่พบผู้ใช้นี้ในสมาชิกของหน่วยงาน",
  });
