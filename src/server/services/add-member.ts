import { eq } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { DomainError } from "../../domain/errors.ts";
import { INVITE_LINK_DAYS } from "../../shared/limits.ts";
import { type MemberCreate, type MemberCreated, roleNamesTh } from "../../shared/members.ts";
import type { Db } from "../db/database.ts";
import { memberships, users } from "../db/schema.ts";
import { invitationEmail, membershipEmail } from "./account-emails.ts";
import { appendAudit } from "./append-audit.ts";
import { createUser } from "./create-user.ts";
import type { Mailer } from "./mailer.ts";
import { assertDivisionOf, lockAgency, membersOf } from "./membership-rules.ts";
import { issuePasswordToken, passwordLink } from "./password-link.ts";

const alreadyMember = (email: string) =>
  new DomainError("CONFLICT", `${email} is already a member of this agency`, {
    userMessage: "ผู้ใช้นี้เป็นสมาชิกของหน่วยงานอยู่แล้ว หากต้องการเปลี่ยนบทบาท ให้แก้ไขบทบาทแทน",
    details: [{ path: "body.email", th: "เป็นสมาชิกอยู่แล้ว", en: "already a member of this agency" }],
  });

/**
 * Gives a person a role in the agency. An email without an account gets one, with no usable
 * password, and a set-password link by email; an existing account just gains the membership.
 */
export async function addMember(options: {
  db: Db;
  mailer: Mailer;
  publicUrl: string | undefined;
  log: FastifyBaseLogger;
  actor: string;
  agencyId: string;
  member: MemberCreate;
  now: Date;
}): Promise<MemberCreated> {
  const { agencyId, member } = options;
  const email = member.email.trim().toLowerCase();
  const membership = { agencyId, role: member.role, division: member.division };
  const added = await options.db.transaction(async (tx) => {
    const agency = await lockAgency(tx, agencyId);
    assertDivisionOf(agency.divisions, member.division);
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!existing) {
      const { id } = await createUser({
        db: tx,
        actor: options.actor,
        email,
        displayName: member.displayName,
        memberships: [membership],
      });
      const link = await issuePasswordToken({
        db: tx,
        userId: id,
        now: options.now,
        validForMinutes: INVITE_LINK_DAYS * 24 * 60,
      });
      return { userId: id, agency, link };
    }
    // One role per person per agency: a second one is a change of role, not another member.
    if ((await membersOf(tx, agencyId, existing.id)).length > 0) throw alreadyMember(email);
    const inserted = await tx
      .insert(memberships)
      .values({ ...membership, userId: existing.id })
      .onConflictDoNothing()
      .returning({ userId: memberships.userId });
    if (inserted.length === 0) throw alreadyMember(email);
    await appendAudit({
      db: tx,
      agencyId,
      actor: options.actor,
      action: "membership.create",
      entity: "user",
      entityId: existing.id,
      after: { email, role: member.role, division: member.division ?? null },
    });
    return { userId: existing.id, agency, link: undefined };
  });
  const [row] = await membersOf(options.db, agencyId, added.userId);
  if (!row) throw new Error("a member just added is missing");
  const where = `ของ${added.agency.name} ในบทบาท${roleNamesTh[member.role]}`;
  const mail = added.link
    ? invitationEmail({
        to: email,
        displayName: row.displayName,
        where,
        link: passwordLink(options.publicUrl, added.link.token),
        expiresAt: added.link.expiresAt,
      })
    : membershipEmail({ to: email, where, signIn: options.publicUrl ?? "http://localhost:3000" });
  // The membership stands even if the mail server refuses; the answer says so.
  const emailSent = await options.mailer.send(mail).then(
    () => true,
    (error: unknown) => {
      options.log.error({ err: error, userId: added.userId }, "member email not sent");
      return false;
    },
  );
  return { ...row, accountCreated: added.link !== undefined, emailSent };
}
