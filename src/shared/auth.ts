import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "./limits.ts";

// Sign-in, second factor and password reset as the API takes and answers them.

/** A 6-digit code from an authenticator app. */
export const totpCode = z
  .string()
  .trim()
  .refine((code) => /^\d{6}$/.test(code), {
    message: "must be the 6-digit code from the authenticator app",
    params: { th: "ต้องเป็นรหัส 6 หลักจากแอปยืนยันตัวตน" },
  });

/** A new password: the policy is its length (NIST SP 800-63B), counted in characters. */
export const newPassword = z
  .string()
  .max(200)
  .refine((password) => [...password].length >= PASSWORD_MIN_LENGTH, {
    message: `the password must be at least ${PASSWORD_MIN_LENGTH} characters long`,
    params: { th: `รหัสผ่านต้องยาวอย่างน้อย ${PASSWORD_MIN_LENGTH} ตัวอักษร` },
  });

export const loginRequest = z.object({
  email: z.email(),
  password: z.string().min(1).max(200),
  /** Required once the account has turned on its second factor. */
  totp: totpCode.optional(),
});

export const meResponse = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  totpEnabled: z.boolean(),
  memberships: z.array(
    z.object({ agencyId: z.string(), role: z.string(), division: z.string().optional() }),
  ),
});

export const totpSetupResponse = z.object({
  /** The otpauth:// URI an authenticator app reads (usually shown as a QR code). */
  uri: z.string(),
  /** The same secret in base32, for typing in by hand. */
  secret: z.string(),
});

export const totpEnableRequest = z.strictObject({ code: totpCode });
export const totpDisableRequest = z.strictObject({
  password: z.string().min(1).max(200),
  code: totpCode,
});

export const passwordResetRequest = z.strictObject({ email: z.email() });
export const passwordResetConfirm = z.strictObject({
  token: z.string().min(1).max(200),
  password: newPassword,
});
export const messageResponse = z.object({ message: z.string() });
/** The answer of a change that has nothing to return: 204 with no body. */
export const noContent = z.null().describe("no content");

export type LoginRequest = z.output<typeof loginRequest>;
export type TotpSetupResponse = z.output<typeof totpSetupResponse>;
