import type { Mail } from "./mailer.ts";

// The wording of the emails about accounts; each link works once.

const thaiDate = (d: Date) =>
  new Intl.DateTimeFormat("th-TH-u-ca-buddhist", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Asia/Bangkok",
  }).format(d);

export function resetEmail(to: string, link: string, expiresAt: Date): Mail {
  return {
    to,
    subject: "ลิงก์ตั้งรหัสผ่านใหม่ ระบบประเมิน ITA (Prongsai)",
    text: [
      "มีคำขอตั้งรหัสผ่านใหม่สำหรับบัญชีนี้ เปิดลิงก์ต่อไปนี้เพื่อตั้งรหัสผ่านใหม่",
      link,
      `ลิงก์ใช้ได้ครั้งเดียว ถึง ${thaiDate(expiresAt)} หากคุณไม่ได้ขอ ไม่ต้องทำอะไร รหัสผ่านเดิมยังใช้ได้`,
    ].join("\n\n"),
  };
}

export function invitationEmail(options: {
  to: string;
  displayName: string;
  where: string;
  link: string;
  expiresAt: Date;
}): Mail {
  return {
    to: options.to,
    subject: "บัญชีผู้ใช้ระบบประเมิน ITA (Prongsai): ตั้งรหัสผ่าน",
    text: [
      `เรียน ${options.displayName}`,
      `คุณได้รับบัญชีผู้ใช้ระบบ Prongsai ${options.where} เปิดลิงก์ต่อไปนี้เพื่อตั้งรหัสผ่าน`,
      options.link,
      `ลิงก์ใช้ได้ครั้งเดียว ถึง ${thaiDate(options.expiresAt)} หากลิงก์หมดอายุ ใช้ "ลืมรหัสผ่าน" ที่หน้าเข้าสู่ระบบ`,
    ].join("\n\n"),
  };
}

export function membershipEmail(options: { to: string; where: string; signIn: string }): Mail {
  return {
    to: options.to,
    subject: "ได้รับสิทธิ์ใหม่ในระบบประเมิน ITA (Prongsai)",
    text: [
      `บัญชีของคุณได้รับสิทธิ์ ${options.where}`,
      `เข้าสู่ระบบด้วยอีเมลและรหัสผ่านเดิมได้ที่ ${options.signIn}`,
    ].join("\n\n"),
  };
}
