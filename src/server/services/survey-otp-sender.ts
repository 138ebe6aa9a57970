import type { FastifyBaseLogger } from "fastify";
import { DomainError } from "../../domain/errors.ts";
import type { Mailer } from "./mailer.ts";

/** Delivers a survey's one-time password to the contact a respondent typed. */
export interface SurveyOtpSender {
  send(contact: string, code: string): Promise<void>;
}

/** "s****@example.com", "08******78": enough to tell deliveries apart, not to find a person. */
export function maskContact(contact: string): string {
  const at = contact.indexOf("@");
  if (at > 0) return `${contact[0]}****${contact.slice(at)}`;
  return `${contact.slice(0, 2)}******${contact.slice(-2)}`;
}

/**
 * Development: the log says a code was sent to a masked contact; the code itself only at debug
 * level, which production configuration does not use.
 */
export function createLogOtpSender(log: FastifyBaseLogger): SurveyOtpSender {
  return {
    send: async (contact, code) => {
      log.info(
        { to: maskContact(contact) },
        "ส่งรหัสผ่านใช้ครั้งเดียวแล้ว / survey one-time password sent",
      );
      log.debug({ to: maskContact(contact), code }, "survey one-time password (development)");
    },
  };
}

/** E-mail through the app's mailer; a phone number cannot be reached this way. */
export function createEmailOtpSender(mailer: Mailer): SurveyOtpSender {
  return {
    send: async (contact, code) => {
      if (!contact.includes("@"))
        throw new DomainError("INPUT_INVALID", "this survey sends codes by e-mail only", {
          userMessage: "แบบสำรวจนี้ส่งรหัสทางอีเมลเท่านั้น กรุณากรอกอีเมล",
        });
      await mailer.send({
        to: contact,
        subject: `รหัสสำหรับตอบแบบสำรวจ ${code}`,
        text: `รหัสสำหรับตอบแบบสำรวจของท่านคือ ${code}\nใช้ได้ภายใน 10 นาที\n\nระบบไม่เก็บอีเมลของท่านไว้คู่กับคำตอบ`,
      });
    },
  };
}
