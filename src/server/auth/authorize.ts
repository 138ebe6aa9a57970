import { DomainError } from "../../domain/errors.ts";

// Authorisation is decided here and nowhere else: a route names the action and the agency it
// touches, and this table answers. Anything not granted is refused.

export const roles = [
  "national_admin",
  "agency_admin",
  "division_officer",
  "evaluator",
  "auditor",
] as const;
export type Role = (typeof roles)[number];

export const actions = [
  /** Registering a new agency: national administrators only. */
  "agency.create",
  "agency.read",
  "agency.update",
  "user.read",
  "user.manage",
  "assessment.read",
  "assessment.manage",
  /** Opening a fiscal year for agencies nationwide: national administrators only. */
  "assessment.open",
  /** Making a new framework version from an OIT item list: national administrators only. */
  "framework.import",
  "results.write",
  "measure.read",
  "measure.write",
  "measure.delete",
  "progress.write",
  "document.generate",
  "document.approve",
  /** The agency's OIT checklist: answers, submission and clarifications. */
  "oit.answer",
  "oit.review",
  /** Running the website checker over the checklist: the coordinator and the evaluator. */
  "oit.check",
  "audit.read",
  /** Survey links, response counts and the gap to the minimum sample. */
  "survey.read",
  /** Population, access mode, window and printed codes of the agency's surveys. */
  "survey.manage",
  /** Tallies, survey scores and the anonymous export (hidden from the agency while collecting). */
  "survey.results",
  /** Answers taken by telephone interview, entered on a respondent's behalf. */
  "survey.phone",
  /** Integrity flags of the collection: bursts, straight-lining, over-population, drift. */
  "survey.integrity",
  /** The national view across every agency: national administrators and auditors. */
  "national.read",
] as const;
export type Action = (typeof actions)[number];

export interface Membership {
  agencyId: string;
  role: Role;
  /** For division officers: the division whose measures they own. */
  division?: string | undefined;
}

export interface Actor {
  userId: string;
  memberships: Membership[];
}

export interface Target {
  agencyId: string;
  /** The division a measure belongs to, when the action is about one. */
  division?: string | undefined;
  /** The divisions responsible for a measure; an officer of any of them may act on it. */
  divisions?: readonly string[] | undefined;
}

export type Decision = { allowed: true } | { allowed: false; reason: { th: string; en: string } };

const reads: Action[] = [
  "agency.read",
  "assessment.read",
  "measure.read",
  "audit.read",
  "survey.read",
];

/** Actions no agency role holds; only national administrators may take them. */
const nationalOnly: readonly Action[] = ["agency.create", "assessment.open", "framework.import"];

/** What each role may do inside an agency it is a member of. */
const grants: Record<Exclude<Role, "national_admin">, readonly Action[]> = {
  // Reviewing OIT and judging the collection are the evaluators' work, not the agency's own.
  agency_admin: actions.filter(
    (a) =>
      !["oit.review", "survey.phone", "survey.integrity", "national.read"].includes(a) &&
      !nationalOnly.includes(a),
  ),
  // The progress report speaks for the whole agency, so it is the agency admin's to write.
  division_officer: [...reads, "measure.write"],
  evaluator: [
    ...reads,
    "results.write",
    "oit.review",
    "oit.check",
    "survey.results",
    "survey.phone",
    "survey.integrity",
  ],
  // Auditors also see who holds which role: who could change what is part of what they check.
  // They read every agency's figures in the national view too.
  auditor: [...reads, "user.read", "survey.results", "national.read"],
};

/** Division officers change only their own division's measures. */
const divisionBound: readonly Action[] = ["measure.write"];

export function authorize(actor: Actor, action: Action, target: Target): Decision {
  if (isNationalAdmin(actor)) return { allowed: true };
  for (const m of actor.memberships) {
    if (m.role === "national_admin" || m.agencyId !== target.agencyId) continue;
    if (!grants[m.role].includes(action)) continue;
    if (
      m.role === "division_officer" &&
      divisionBound.includes(action) &&
      !ownsDivision(m.division, target)
    )
      continue;
    return { allowed: true };
  }
  const member = actor.memberships.some((m) => m.agencyId === target.agencyId);
  return {
    allowed: false,
    reason: member
      ? {
          th: "บทบาทของคุณในหน่วยงานนี้ทำรายการนี้ไม่ได้",
          en: `your role in this agency may not ${action}`,
        }
      : { th: "คุณไม่ได้เป็นสมาชิกของหน่วยงานนี้", en: "you are not a member of this agency" },
  };
}

function ownsDivision(division: string | undefined, target: Target): boolean {
  if (division === undefined) return false;
  return division === target.division || (target.divisions?.includes(division) ?? false);
}

/** Throws the refusal as a 403 with its Thai reason; returns quietly when allowed. */
export function assertAllowed(actor: Actor, action: Action, target: Target): void {
  const decision = authorize(actor, action, target);
  if (!decision.allowed)
    throw new DomainError("FORBIDDEN", decision.reason.en, { userMessage: decision.reason.th });
}

/** True for national administrators, who act in every agency. */
export function isNationalAdmin(actor: Actor): boolean {
  return actor.memberships.some((m) => m.role === "national_admin");
}

/**
 * The tenancy gate every agency route passes before its input is even read: a member of the
 * agency in any role, or a national administrator. The route's own action check comes after.
 */
export function assertMemberOf(actor: Actor, agencyId: string): void {
  if (isNationalAdmin(actor) || actor.memberships.some((m) => m.agencyId === agencyId)) return;
  throw new DomainError("FORBIDDEN", "you are not a member of this agency", {
    userMessage: "คุณไม่ได้เป็นสมาชิกของหน่วยงานนี้",
  });
}

/** Routes about no single agency that only national administrators may use. */
export function assertNationalAdmin(actor: Actor): void {
  if (isNationalAdmin(actor)) return;
  throw new DomainError("FORBIDDEN", "national administrators only", {
    userMessage: "เฉพาะผู้ดูแลระบบระดับประเทศเท่านั้น",
  });
}

/** For actions whose agencies are only known later (a file of many agencies): allowed in at least one. */
export function assertAllowedSomewhere(actor: Actor, action: Action): void {
  if (actor.memberships.some((m) => authorize(actor, action, { agencyId: m.agencyId }).allowed))
    return;
  throw new DomainError("FORBIDDEN", `your roles may not ${action} in any agency`, {
    userMessage: "บทบาทของคุณทำรายการนี้ไม่ได้ในหน่วยงานใดเลย",
  });
}
