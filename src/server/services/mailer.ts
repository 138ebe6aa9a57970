import type { FastifyBaseLogger } from "fastify";
import nodemailer from "nodemailer";
import type { Config } from "../config.ts";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends one email; rejects when the mail server refuses it, so callers can retry later. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

type MailConfig = Pick<
  Config,
  "SMTP_HOST" | "SMTP_PORT" | "SMTP_USER" | "SMTP_PASSWORD" | "SMTP_FROM" | "PUBLIC_URL"
>;

/** SMTP when `SMTP_HOST` is set; otherwise (development) each email is written to the log. */
export function createMailer(config: MailConfig, log: FastifyBaseLogger): Mailer {
  if (!config.SMTP_HOST)
    return {
      send: async (mail) => {
        log.info({ mail }, "อีเมล (ยังไม่ได้ตั้ง SMTP จึงบันทึกไว้ใน log) / email logged, no SMTP set");
      },
    };
  const transport = nodemailer.createTransport({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_PORT === 465,
    auth: config.SMTP_USER
      ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? "" }
      : undefined,
    // A reminder holds its notice's row lock while it sends: a silent server must not hold it for long.
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  const from =
    config.SMTP_FROM ??
    `Prongsai <no-reply@${new URL(config.PUBLIC_URL ?? "http://localhost").hostname}>`;
  return {
    send: async (mail) => {
      await transport.sendMail({ from, ...mail });
    },
  };
}
