import { z } from "zod";

// The respondent survey pages' addresses and form fields. The pages post HTML forms
// (application/x-www-form-urlencoded): every field arrives as text.

export const surveyLinkParams = z.object({
  /** A survey tool of the framework, lower case in printed links (`iit`, `eit`). */
  tool: z.string().regex(/^[a-zA-Z]{2,10}$/),
  token: z.string().regex(/^[a-zA-Z0-9]{6,40}$/),
});

export const surveyStartQuery = z.object({
  /** A printed code, filled in when the card's QR code opens the link. */
  code: z.string().max(40).optional(),
});

/**
 * A posted form: the answers so far as `a:{itemId}` fields, and `_key` (the idempotency key),
 * `_code` or `_pass`, `_screen` and `_nav` (`next` or `back`); or `code`, `contact`, `otp`.
 */
export const surveyFormBody = z
  .record(z.string().max(100), z.string().max(500))
  .refine((fields) => Object.keys(fields).length <= 500, "too many fields")
  .optional();

export const surveyPaths = {
  start: (tool: string, token: string) => `/go/${tool.toLowerCase()}/${token}`,
};
