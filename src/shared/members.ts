import { z } from "zod";

// An agency's members as the API lists, adds and changes them. National administrators are not
// agency members: they are created through /api/users.

export const memberRoles = ["agency_admin", "division_officer", "evaluator", "auditor"] as const;
export type MemberRole = (typeof memberRoles)[number];

/** Thai names of the roles, for emails and screens. */
export const roleNamesTh: Record<MemberRole | "national_admin", string> = {
  national_admin: "ผู้ดูแลระบบระดับประเทศ",
  agency_admin: "ผู้ดูแลระบบของหน่วยงาน",
  division_officer: "เจ้าหน้าที่ผู้รับผิดชอบของกอง/ฝ่าย",
  evaluator: "ผู้ประเมิน",
  auditor: "ผู้ตรวจสอบ",
};

/** Division officers name their division; nobody else names one. */
export function divisionRule(
  value: { role: string; division?: string | undefined },
  ctx: z.core.$RefinementCtx<unknown>,
  path: (string | number)[] = ["division"],
): void {
  if (value.role === "division_officer" && value.division === undefined)
    ctx.addIssue({
      code: "custom",
      path,
      input: undefined,
      message: "a division officer needs the division they work for",
      params: { th: "เจ้าหน้าที่ของกอง/ฝ่ายต้องระบุกองหรือฝ่ายที่สังกัด" },
    });
  if (value.role !== "division_officer" && value.division !== undefined)
    ctx.addIssue({
      code: "custom",
      path,
      input: value.division,
      message: `only division officers have a division, not ${value.role}`,
      params: { th: "ระบุกอง/ฝ่ายได้เฉพาะบทบาทเจ้าหน้าที่ของกอง/ฝ่าย" },
    });
}

const division = z.string().trim().min(1).max(200);

export const membersParams = z.object({ agencyId: z.uuid() });
export const memberParams = z.object({ agencyId: z.uuid(), userId: z.uuid() });

export const memberResponse = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.string(),
  division: z.string().nullable(),
  totpEnabled: z.boolean(),
});

export const memberCreate = z
  .strictObject({
    email: z.email().max(254),
    /** Used only when the email has no account yet; an existing account keeps its name. */
    displayName: z.string().trim().min(1).max(200),
    role: z.enum(memberRoles),
    division: division.optional(),
  })
  .superRefine((value, ctx) => divisionRule(value, ctx));

export const memberCreated = memberResponse.extend({
  /** True when the email had no account and one was created (with a set-password link). */
  accountCreated: z.boolean(),
  /** False when the mail server refused: the person can ask for a reset link from the sign-in page. */
  emailSent: z.boolean(),
});

/** The member's new role in this agency (and division, for division officers). */
export const memberUpdate = z
  .strictObject({ role: z.enum(memberRoles), division: division.optional() })
  .superRefine((value, ctx) => divisionRule(value, ctx));

export type MemberResponse = z.output<typeof memberResponse>;
export type MemberCreate = z.output<typeof memberCreate>;
export type MemberCreated = z.output<typeof memberCreated>;
export type MemberUpdate = z.output<typeof memberUpdate>;
