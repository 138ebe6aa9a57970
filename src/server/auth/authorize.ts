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
  "agency.read",
  "agency.update",
  "user.manage",
  "assessment.read",
  "assessment.manage",
  "results.write",
  "measure.read",
  "measure.write",
  "measure.delete",
  "progress.write",
  "document.generate",
  "document.approve",
  "oit.review",
  "audit.read",
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

const reads: Action[] = ["agency.read", "assessment.read", "measure.read", "audit.read"];

/** What each role may do inside an agency it is a member of. */
const grants: Record<Exclude<Role, "national_admin">, readonly Action[]> = {
  agency_admin: actions.filter((a) => a !== "oit.review"),
  // The progress report speaks for the whole agency, so it is the agency admin's to write.
  division_officer: [...reads, "measure.write"],
  evaluator: [...reads, "results.write", "oit.review"],
  auditor: reads,
};

/** Division officers change only their own division's measures. */
const divisionBound: readonly Action[] = ["measure.write"];

export function authorize(actor: Actor, action: Action, target: Target): Decision {
  if (actor.memberships.some((m) => m.role === "national_admin")) return { allowed: true };
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
