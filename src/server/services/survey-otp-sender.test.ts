import pino from "pino";
import { describe, expect, it } from "vitest";
import { normalizeSurveyContact } from "../../domain/survey/survey-contact.ts";
import { startTestSmtp } from "../test-smtp.ts";
import { createMailer } from "./mailer.ts";
import { createEmailOtpSender, createLogOtpSender, maskContact } from "./survey-otp-sender.ts";

function capturingLog(level: string) {
  const lines: string[] = [];
  const log = pino({ level }, { write: (line: string) => void lines.push(line) });
  return { log, lines };
}

describe("survey one-time password senders", () => {
  it("normalises phone numbers and e-mails, and refuses anything else", () => {
    expect(normalizeSurveyContact("+66 81-234-5678")).toBe("0812345678");
    expect(normalizeSurveyContact("089 876 5432")).toBe("0898765432");
    expect(normalizeSurveyContact(" Someone@Example.ORG ")).toBe("someone@example.org");
    for (const bad of ["12345", "02-123-4567", "not an email@", "a@b"])
      expect(normalizeSurveyContact(bad), bad).toBeUndefined();
  });

  it("masks contacts", () => {
    expect(maskContact("0812345678")).toBe("08******78");
    expect(maskContact("someone@example.org")).toBe("s****@example.org");
  });

  it("logs the code itself only at debug level, and never the full contact", async () => {
    const info = capturingLog("info");
    await createLogOtpSender(info.log).send("0812345678", "493817");
    expect(info.lines.join("")).toContain("08******78");
    expect(info.lines.join("")).not.toContain("493817");
    expect(info.lines.join("")).not.toContain("0812345678");
    const debug = capturingLog("debug");
    await createLogOtpSender(debug.log).send("0812345678", "493817");
    expect(debug.lines.join("")).toContain("493817");
    expect(debug.lines.join("")).not.toContain("0812345678");
  });

  it("e-mails the code through SMTP, and says plainly that a phone number cannot be reached by e-mail", async () => {
    const smtp = await startTestSmtp();
    try {
      const mailer = createMailer(
        {
          SMTP_HOST: "127.0.0.1",
          SMTP_PORT: smtp.port,
          SMTP_USER: undefined,
          SMTP_PASSWORD: undefined,
          SMTP_FROM: "ITA <ita@test.go.th>",
          PUBLIC_URL: undefined,
        },
        pino({ level: "silent" }),
      );
      const sender = createEmailOtpSender(mailer);
      await sender.send("someone@example.org", "493817");
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]?.to).toContain("someone@example.org");
      expect(smtp.received[0]?.text).toContain("493817");
      await expect(sender.send("0812345678", "493817")).rejects.toMatchObject({
        code: "INPUT_INVALID",
      });
      expect(smtp.received).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });
});
