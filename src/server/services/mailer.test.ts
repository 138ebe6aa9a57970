import type { AddressInfo } from "node:net";
import pino from "pino";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer } from "./mailer.ts";

describe("mailer", () => {
  const received: string[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    // A real SMTP server on a free port; the mailer talks SMTP to it like to any other.
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, _session, callback) {
        let data = "";
        stream.on("data", (chunk: Buffer) => {
          data += chunk.toString("utf8");
        });
        stream.on("end", () => {
          received.push(data);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("delivers through SMTP when a host is configured", async () => {
    const mailer = createMailer(
      {
        SMTP_HOST: "127.0.0.1",
        SMTP_PORT: port,
        SMTP_USER: undefined,
        SMTP_PASSWORD: undefined,
        SMTP_FROM: "ITA <ita@test.go.th>",
        PUBLIC_URL: undefined,
      },
      pino({ level: "silent" }),
    );
    await mailer.send({ to: "officer@test.go.th", subject: "ทดสอบ", text: "มาตรการใกล้ครบกำหนด" });
    expect(received).toHaveLength(1);
    expect(received[0]).toContain("officer@test.go.th");
    expect(received[0]).toContain("ita@test.go.th");
  });

  it("writes the email to the log when no SMTP host is set", async () => {
    const lines: string[] = [];
    const log = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
    const mailer = createMailer(
      {
        SMTP_HOST: undefined,
        SMTP_PORT: 587,
        SMTP_USER: undefined,
        SMTP_PASSWORD: undefined,
        SMTP_FROM: undefined,
        PUBLIC_URL: undefined,
      },
      log,
    );
    await mailer.send({ to: "a@test.go.th", subject: "ลิงก์ตั้งรหัสผ่านใหม่", text: "https://x/reset" });
    expect(lines.join("")).toContain("https://x/reset");
  });
});
