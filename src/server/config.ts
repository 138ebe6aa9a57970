import { z } from "zod";
import { addIssue, invalidError, zodDetails } from "../domain/validation.ts";

// Configuration comes from the environment only, parsed once here; nothing below main.ts reads it.
const port = z.coerce.number().int().min(1).max(65_535);
const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

export const configSchema = z
  .object({
    PORT: port.default(3000),
    HOST: z.string().trim().min(1).default("0.0.0.0"),
    /** Holds the embedded PGlite database and stored files. */
    DATA_DIR: z.string().trim().min(1).default("./data"),
    /** When set, PostgreSQL ≥ 15 through `pg` instead of the embedded PGlite. */
    DATABASE_URL: z
      .string()
      .trim()
      .refine(
        (v) => v === "" || /^postgres(ql)?:\/\//.test(v),
        "must start with postgres:// or postgresql://",
      )
      .transform((v) => (v === "" ? undefined : v))
      .optional(),
    PUBLIC_URL: z
      .url({ protocol: /^https?$/ })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    SMTP_HOST: optionalText,
    SMTP_PORT: port.default(587),
    SMTP_USER: optionalText,
    SMTP_PASSWORD: optionalText,
    SMTP_FROM: optionalText,
    /** How survey one-time passwords reach respondents: the log (development) or e-mail. */
    SURVEY_OTP_SENDER: z.enum(["log", "email"]).default("log"),
    /** Submissions, code checks and one-time-password requests per client per minute. */
    SURVEY_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000_000).default(30),
    /** Requests to the open-data files, catalogue and API per client per minute. */
    OPEN_DATA_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000_000).default(120),
    /** Lets the OIT website checker fetch private and loopback addresses: for tests only. */
    OIT_CHECK_ALLOW_PRIVATE: z
      .enum(["true", "false"])
      .default("false")
      .transform((v) => v === "true"),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
    /** Server processes sharing the port (`prongsai serve --workers N`); more than one needs PostgreSQL. */
    WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  })
  .superRefine((c, ctx) => {
    if (c.WORKERS > 1 && c.DATABASE_URL === undefined)
      addIssue(
        ctx,
        ["WORKERS"],
        "more than one worker needs DATABASE_URL: the embedded PGlite database belongs to one process",
        "การใช้หลายโปรเซส (WORKERS มากกว่า 1) ต้องตั้ง DATABASE_URL เพราะฐานข้อมูลฝังตัว PGlite ใช้ได้โปรเซสเดียว",
      );
  });

export type Config = z.output<typeof configSchema>;

/** Parses the environment, or stops with every problem listed in Thai and English. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  throw invalidError(
    "CONFIG_INVALID",
    {
      th: "ค่าตั้งระบบ (ตัวแปรสภาพแวดล้อม) ไม่ถูกต้อง",
      en: "invalid configuration (environment variables)",
    },
    zodDetails(configSchema, env),
  );
}
