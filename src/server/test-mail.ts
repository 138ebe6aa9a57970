import type { Mail, Mailer } from "./services/mailer.ts";

/** A mailer that keeps what it is given (real SMTP delivery is proven in mailer.test.ts). */
export function capturingMailer(): Mailer & { sent: Mail[]; linkTo(email: string): URL } {
  const sent: Mail[] = [];
  return {
    sent,
    send: async (mail) => {
      sent.push(mail);
    },
    /** The link in the latest email to this address. */
    linkTo(email) {
      const mail = sent.findLast((m) => m.to === email);
      const link = mail?.text.match(/https?:\/\/\S+/)?.[0];
      if (!link) throw new Error(`no email with a link to ${email}`);
      return new URL(link);
    },
  };
}
