import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../db/database.ts";
import { notices } from "../db/schema.ts";
import { createTestAssessment, createTestMeasure } from "../test-assessments.ts";
import { engines, freshDatabase, freshPostgresUrl } from "../test-databases.ts";
import { buildAgency } from "../test-factories.ts";
import { startTestSmtp, type TestSmtp } from "../test-smtp.ts";
import { createAgency } from "./create-agency.ts";
import { createUser } from "./create-user.ts";
import { createMailer } from "./mailer.ts";
import { type ReminderReport, sendReminders } from "./send-reminders.ts";

const log = pino({ level: "silent" });
const measureCount = 24;

// Two runs at once, as when the server's hourly run meets `prongsai reminders` or another server.
describe.each(engines)("overlapping reminder runs on %s", (engine) => {
  // On PostgreSQL each run has its own pool, as two processes would; PGlite has one connection.
  let first: Database;
  let second: Database;
  let smtp: TestSmtp;
  const titles: string[] = [];
  let runOn: (database: Database, today: string) => Promise<ReminderReport>;
  const bothAt = (today: string) => Promise.all([runOn(first, today), runOn(second, today)]);
  const dayNotices = (day: string) => first.db.select().from(notices).where(eq(notices.day, day));
  // How many emails went out about each measure since `from`.
  const emailsPerTitle = (from: number) =>
    titles.map(
      (title) => smtp.received.slice(from).filter((m) => m.subject.includes(title)).length,
    );
  const total = (reports: ReminderReport[], key: keyof ReminderReport) =>
    reports.reduce((sum, report) => sum + report[key], 0);

  beforeAll(async () => {
    if (engine === "pglite") {
      first = await freshDatabase("pglite");
      second = first;
    } else {
      const url = await freshPostgresUrl();
      first = await openDatabase({ url });
      await first.migrate();
      second = await openDatabase({ url });
    }
    smtp = await startTestSmtp();
    const mailerConfig = {
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: smtp.port,
      SMTP_USER: undefined,
      SMTP_PASSWORD: undefined,
      SMTP_FROM: "ITA <ita@test.go.th>",
      PUBLIC_URL: undefined,
    };
    const mailers = new Map([
      [first, createMailer(mailerConfig, log)],
      [second, createMailer(mailerConfig, log)],
    ]);
    // Small pages, so both runs read the same unsent notices before either has emailed them.
    runOn = (database, today) => {
      const mailer = mailers.get(database);
      if (!mailer) throw new Error("no mailer for this database");
      return sendReminders({ db: database.db, mailer, today, log, pageSize: 4 });
    };
    const { db } = first;
    const agencyId = (await createAgency({ db, actor: "test", agency: buildAgency() })).id;
    await createUser({
      db,
      actor: "test",
      email: "admin@test.go.th",
      displayName: "ผู้ดูแลหน่วยงาน",
      password: "รหัสผ่านทดสอบ",
      memberships: [{ agencyId, role: "agency_admin" }],
    });
    const assessmentId = (await createTestAssessment({ db, agencyId })).id;
    for (let i = 0; i < measureCount; i++) {
      const title = `มาตรการที่ ${i + 1} ของการทดสอบ`;
      titles.push(title);
      await createTestMeasure({ db, agencyId, assessmentId, title, dueDate: "2023-03-15" });
    }
  });
  afterAll(async () => {
    await smtp?.close();
    if (second && second !== first) await second.close();
    await first?.close();
  });

  it("emails each notice exactly once between them", async () => {
    const before = smtp.received.length;
    const reports = await bothAt("2023-03-10");
    expect(total(reports, "created")).toBe(measureCount);
    expect(total(reports, "emailed")).toBe(measureCount);
    expect(total(reports, "failed")).toBe(0);
    expect(emailsPerTitle(before)).toEqual(titles.map(() => 1));
    expect(smtp.received).toHaveLength(before + measureCount);
    const made = await dayNotices("2023-03-10");
    expect(made).toHaveLength(measureCount);
    expect(made.every((n) => n.emailedAt !== null)).toBe(true);
  });

  it("leaves failed sends for a later run, which again emails each once", async () => {
    const before = smtp.received.length;
    smtp.failing = true;
    try {
      const failing = await bothAt("2023-03-11");
      expect(total(failing, "emailed")).toBe(0);
      // Each notice was tried at least once; the other run either tried it too or skipped it while held.
      expect(total(failing, "failed")).toBeGreaterThanOrEqual(measureCount);
      expect(total(failing, "failed")).toBeLessThanOrEqual(2 * measureCount);
    } finally {
      smtp.failing = false;
    }
    expect((await dayNotices("2023-03-11")).every((n) => n.emailedAt === null)).toBe(true);

    const retried = await bothAt("2023-03-11");
    expect(total(retried, "emailed")).toBe(measureCount);
    expect(emailsPerTitle(before)).toEqual(titles.map(() => 1));
    expect((await dayNotices("2023-03-11")).every((n) => n.emailedAt !== null)).toBe(true);
  });

  // Only where two connections exist: PGlite serves one, so a transaction held open there would
  // block the run instead of being skipped by it.
  if (engine === "postgres")
    it("skips a notice another run holds, and a later run sends it", async () => {
      const day = "2023-03-12";
      smtp.failing = true;
      try {
        expect(total([await runOn(first, day)], "failed")).toBe(measureCount);
      } finally {
        smtp.failing = false;
      }
      const [held] = await dayNotices(day);
      if (!held) throw new Error("the failed run made no notices");
      const heldTitle = held.title;
      const before = smtp.received.length;

      // The other pool holds one notice's row as a concurrent run does while it sends.
      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked = () => {};
      const isLocked = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const holder = second.db.transaction(async (tx) => {
        await tx.select().from(notices).where(eq(notices.measureId, held.measureId)).for("update");
        locked();
        await released;
      });
      await isLocked;
      try {
        expect(await runOn(first, day)).toEqual({
          created: 0,
          emailed: measureCount - 1,
          failed: 0,
        });
      } finally {
        release();
        await holder;
      }
      expect(smtp.received.slice(before).some((m) => m.subject.includes(heldTitle))).toBe(false);

      expect(await runOn(first, day)).toEqual({ created: 0, emailed: 1, failed: 0 });
      expect(emailsPerTitle(before)).toEqual(titles.map(() => 1));
    });
});
