import pino from "pino";
import { DomainError } from "../../domain/errors.ts";
import { dayIn, THAI_TIME_ZONE } from "../../domain/plan/reminder-days.ts";
import { parseCalendarDate, toIsoDate } from "../../domain/thai/dates.ts";
import { parseConfig } from "../../server/config.ts";
import { createMailer } from "../../server/services/mailer.ts";
import { sendReminders } from "../../server/services/send-reminders.ts";
import { withConfiguredDatabase } from "../open-configured-database.ts";

type Env = Record<string, string | undefined>;

/** One reminders run against the configured database, for today in Thailand or `--date`. */
export async function remindersCommand(
  env: Env,
  options: { date?: string | undefined },
  out: (line: string) => void,
): Promise<void> {
  const today = options.date === undefined ? dayIn(THAI_TIME_ZONE, new Date()) : day(options.date);
  const config = parseConfig(env);
  // Logs (and, without SMTP, the emails themselves) go to stderr; the summary to stdout.
  const log = pino({ level: config.LOG_LEVEL }, pino.destination(2));
  await withConfiguredDatabase(env, async ({ db }) => {
    const mailer = createMailer(config, log);
    const report = await sendReminders({ db, mailer, today, log, publicUrl: config.PUBLIC_URL });
    out(
      `แจ้งเตือนวันที่ ${today}: สร้าง ${report.created} รายการ ส่งอีเมล ${report.emailed} ฉบับ ส่งไม่สำเร็จ ${report.failed} ฉบับ / reminders for ${today}: ${report.created} created, ${report.emailed} emailed, ${report.failed} failed`,
    );
  });
}

/** YYYY-MM-DD, Gregorian or Buddhist Era (2566-03-10). */
function day(text: string): string {
  const date = parseCalendarDate(text);
  if (date) return toIsoDate(date);
  throw new DomainError("INPUT_INVALID", `--date ${text} is not a real YYYY-MM-DD date`, {
    userMessage: "วันที่ไม่ถูกต้อง",
    details: [
      {
        path: "--date",
        th: `"${text}" ไม่ใช่วันที่ในรูปแบบ ปปปป-ดด-วว เช่น 2023-03-10 หรือ 2566-03-10`,
        en: `"${text}" is not a YYYY-MM-DD date, e.g. 2023-03-10 or 2566-03-10`,
      },
    ],
  });
}
