import { inArray } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { DomainError, type IssueDetail } from "../../domain/errors.ts";
import { INVITE_LINK_DAYS } from "../../shared/limits.ts";
import { roleNamesTh } from "../../shared/members.ts";
import type { UserCreate, UserCreated } from "../../shared/users.ts";
import type { Db } from "../db/database.ts";
import { agencies, NATIONAL_SCOPE } from "../db/schema.ts";
import { invitationEmail } from "./account-emails.ts";
import { createUser } from "./create-user.ts";
import { findUsers } from "./find-users.ts";
import type { Mailer } from "./mailer.ts";
import { divisionProblem } from "./membership-rules.ts";
import { issuePasswordToken, passwordLink } from "./password-link.ts";

/** Where each membership points: national administrators in the national scope, others in a real agency. */
async function membershipProblems(db: Db, user: UserCreate): Promise<IssueDetail[]> {
  const ids = user.memberships.map((m) => m.agencyId).filter((id) => id !== NATIONAL_SCOPE);
  const found = ids.length
    ? await db
        .select({ id: agencies.id, divisions: agencies.divisions })
        .from(agencies)
        .where(inArray(agencies.id, ids))
    : [];
  const divisionsOf = new Map(found.map((a) => [a.id, a.divisions]));
  return user.memberships.flatMap((m, i): IssueDetail[] => {
    const path = `body.memberships.${i}`;
    if (m.role === "national_admin" || m.agencyId === NATIONAL_SCOPE)
      return m.role === "national_admin" && m.agencyId === NATIONAL_SCOPE
        ? []
        : [
            {
              path: `${path}.agencyId`,
              th: `บทบาทผู้ดูแลระบบระดับประเทศต้องใช้รหัสหน่วยงาน ${NATIONAL_SCOPE} และรหัสนี้ใช้กับบทบาทอื่นไม่ได้`,
              en: `national administrators, and only they, use the agency id ${NATIONAL_SCOPE}`,
            },
          ];
    const divisions = divisionsOf.get(m.agencyId);
    if (!divisions) return [{ path: `${path}.agencyId`, th: "ไม่พบหน่วยงานนี้", en: "no such agency" }];
    const problem = divisionProblem(divisions, m.division, `${path}.division`);
    return problem ? [problem] : [];
  });
}

/**
 * Creates an account with any memberships (national administrators included) and no usable
 * password; its owner sets one through the emailed link.
 */
export async function inviteUser(options: {
  db: Db;
  mailer: Mailer;
  publicUrl: string | undefined;
  log: FastifyBaseLogger;
  actor: string;
  user: UserCreate;
  now: Date;
}): Promise<UserCreated> {
  const { user } = options;
  const problems = await membershipProblems(options.db, user);
  if (problems.length > 0)
    throw new DomainError("INPUT_INVALID", "memberships point to the wrong place", {
      userMessage: "ข้อมูลบทบาทของผู้ใช้ไม่ถูกต้อง",
      details: problems,
    });
  const created = await options.db.transaction(async (tx) => {
    const { id } = await createUser({
      db: tx,
      actor: options.actor,
      email: user.email,
      displayName: user.displayName,
      memberships: user.memberships,
    });
    const link = await issuePasswordToken({
      db: tx,
      userId: id,
      now: options.now,
      validForMinutes: INVITE_LINK_DAYS * 24 * 60,
    });
    return { id, link };
  });
  const [account] = (await findUsers({ db: options.db, ids: [created.id] })).items;
  if (!account) throw new Error("an account just created is missing");
  const roles = [...new Set(user.memberships.map((m) => roleNamesTh[m.role]))].join(", ");
  const mail = invitationEmail({
    to: account.email,
    displayName: account.displayName,
    where: `ในบทบาท${roles}`,
    link: passwordLink(options.publicUrl, created.link.token),
    expiresAt: created.link.expiresAt,
  });
  const emailSent = await options.mailer.send(mail).then(
    () => true,
    (error: unknown) => {
      options.log.error({ err: error, userId: created.id }, "invitation email not sent");
      return false;
    },
  );
  return { ...account, emailSent };
}
