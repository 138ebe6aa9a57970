import { z } from "zod";
import { repeatedIndexes } from "../domain/validation.ts";
import { divisionRule } from "./members.ts";

// Accounts across every agency, for national administrators.

const roles = [
  "national_admin",
  "agency_admin",
  "division_officer",
  "evaluator",
  "auditor",
] as const;

const membership = z
  .strictObject({
    /** National administrators hold their role in the national scope (the nil UUID). */
    agencyId: z.uuid(),
    role: z.enum(roles),
    division: z.string().trim().min(1).max(200).optional(),
  })
  .superRefine((value, ctx) => divisionRule(value, ctx));

export const userCreate = z
  .strictObject({
    email: z.email().max(254),
    displayName: z.string().trim().min(1).max(200),
    memberships: z.array(membership).min(1).max(100),
  })
  .superRefine((value, ctx) => {
    for (const i of repeatedIndexes(value.memberships.map((m) => m.agencyId)))
      ctx.addIssue({
        code: "custom",
        path: ["memberships", i, "agencyId"],
        input: value.memberships[i]?.agencyId,
        message: "one role per agency: this agency is already listed",
        params: { th: "หนึ่งคนมีได้หนึ่งบทบาทต่อหน่วยงาน หน่วยงานนี้ถูกระบุไปแล้ว" },
      });
  });

export const usersQuery = z.object({
  /** Part of the email, matched without regard to case. */
  email: z.string().trim().min(1).max(254).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

export const userResponse = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  totpEnabled: z.boolean(),
  memberships: z.array(
    z.object({ agencyId: z.string(), role: z.string(), division: z.string().nullable() }),
  ),
});

export const userCreated = userResponse.extend({
  /** False when the mail server refused: the person can ask for a reset link from the sign-in page. */
  emailSent: z.boolean(),
});

export const userPage = z.object({
  items: z.array(userResponse),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export type UserCreate = z.output<typeof userCreate>;
export type UsersQuery = z.output<typeof usersQuery>;
export type UserResponse = z.output<typeof userResponse>;
export type UserCreated = z.output<typeof userCreated>;
export type UserPage = z.output<typeof userPage>;
