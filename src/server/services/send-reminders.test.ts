import { eq, sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/database.ts";
import { notices } from "../db/schema.ts";
import { createTestAssessment, createTestMeasure } from "../test-assessments.ts";
import { engines, freshDatabase } from "../test-databases.ts";
import { buildAgency } from "../test-factories.ts";
import { startTestSmtp, type TestSmtp } from "../test-smtp.ts";
import { createAgency } from "./create-agency.ts";
import { createUser } from "./create-user.ts";
import { createMailer, type Mailer } from "./mailer.ts";
import { sendReminders } from "./send-reminders.ts";

const log = pino({ level: "silent" });
const publicUrl = "https://ita.example.go.th/";

describe.each(engines)("reminders on %s", (engine) => {
  let database: Database;
  let smtp: TestSmtp;
  let run: (today: string) => ReturnType<typeof sendReminders>;
  const ids: Record<string, string> = {};
  let a: string;
  let assessmentA: string;
  // Every email each address has received so far.
  const inbox = (email: string) => smtp.received.filter((m) => m.to.includes(email));
  const dayNotices = (day: string) =>
    database.db.select().from(notices).where(eq(notices.day, day));

  let mailer: Mailer;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    smtp = await startTestSmtp();
    mailer = createMailer(
      {
        SMTP_HOST: "127.0.0.1",
        SMTP_PORT: smtp.port,
        SMTP_USER: undefined,
        SMTP_PASSWORD: undefined,
        SMTP_FROM: "ITA <ita@test.go.th>",
        PUBLIC_URL: publicUrl,
      },
      log,
    );
    // Small pages, so the run crosses page boundaries as it would with 100k measures.
    run = (today) => sendReminders({ db: database.db, mailer, today, log, publicUrl, pageSize: 2 });
    const { db } = database;
    a = (await createAgency({ db, actor: "test", agency: buildAgency({ name: "เอ" }) })).id;
    const b = (await createAgency({ db, actor: "test", agency: buildAgency({ name: "บี" }) })).id;
    const person = (
      email: string,
      agencyId: string,
      role: "agency_admin" | "division_officer" | "auditor",
      division?: string,
    ) =>
      createUser({
        db,
        actor: "test",
        email,
        displayName: email,
        password: "รหัสผ่านทดสอบ",
        memberships: [{ agencyId, role, division }],
      });
    await person("admin@a.go.th", a, "agency_admin");
    await person("klang@a.go.th", a, "division_officer", "กองคลัง");
    await person("chang@a.go.th", a, "division_officer", "กองช่าง");
    await person("auditor@a.go.th", a, "auditor");
    await person("admin@b.go.th", b, "agency_admin");
    assessmentA = (await createTestAssessment({ db, agencyId: a })).id;
    const assessmentB = (await createTestAssessment({ db, agencyId: b })).id;
    const measure = async (name: string, fields: Parameters<typeof createTestMeasure>[0]) => {
      ids[name] = (await createTestMeasure(fields)).id;
    };
    const inA = { db, agencyId: a, assessmentId: assessmentA };
    await measure("soon", {
      ...inA,
      title: "เผยแพร่แผนจัดซื้อ",
      dueDate: "2023-03-15",
      responsible: ["กองคลัง"],
    });
    await measure("late", {
      ...inA,
      title: "ซ่อมป้ายประกาศ",
      dueDate: "2023-03-01",
      responsible: ["กองช่าง"],
      status: "in_progress",
      progress: 40,
    });
    await measure("edge", {
      ...inA,
      title: "อบรมจริยธรรม",
      dueDate: "2023-03-24",
      responsible: ["กองคลัง"],
    });
    await measure("later", { ...inA, dueDate: "2023-04-30" });
    await measure("done", { ...inA, dueDate: "2023-03-01", status: "done", progress: 100 });
    await measure("cancelled", { ...inA, dueDate: "2023-03-01", status: "cancelled" });
    await measure("undated", { ...inA, dueDate: null });
    await measure("b", { db, agencyId: b, assessmentId: assessmentB, dueDate: "2023-03-12" });
  });
  afterAll(async () => {
    await smtp?.close();
    await database?.close();
  });

  it("makes one notice per open measure due soon or overdue, and emails the right people once a day", async () => {
    expect(await run("2023-03-10")).toEqual({ created: 4, emailed: 4, failed: 0 });
    const today = await dayNotices("2023-03-10");
    expect(Object.fromEntries(today.map((n) => [n.measureId, n.kind]))).toEqual({
      [ids.soon as string]: "due_soon",
      [ids.late as string]: "overdue",
      [ids.edge as string]: "due_soon",
      [ids.b as string]: "due_soon",
    });
    expect(today.every((n) => n.emailedAt !== null)).toBe(true);
    expect(inbox("admin@a.go.th")).toHaveLength(3);
    expect(
      inbox("klang@a.go.th")
        .map((m) => m.subject)
        .sort(),
    ).toEqual(
      [
        "[โปร่งใส] มาตรการใกล้ถึงกำหนด: เผยแพร่แผนจัดซื้อ / Measure due soon",
        "[โปร่งใส] มาตรการใกล้ถึงกำหนด: อบรมจริยธรรม / Measure due soon",
      ].sort(),
    );
    const [late] = inbox("chang@a.go.th");
    expect(late?.subject).toBe("[โปร่งใส] มาตรการเลยกำหนดแล้ว: ซ่อมป้ายประกาศ / Measure overdue");
    expect(late?.text).toContain("กำหนดแล้วเสร็จ ๑ มีนาคม พ.ศ. ๒๕๖๖");
    expect(late?.text).toContain(
      `https://ita.example.go.th/agencies/${a}/assessments/${assessmentA}/measures/${ids.late}`,
    );
    expect(inbox("auditor@a.go.th")).toEqual([]);
    expect(inbox("admin@b.go.th")).toHaveLength(1);

    // The same day again: nothing new, nobody emailed twice.
    expect(await run("2023-03-10")).toEqual({ created: 0, emailed: 0, failed: 0 });
    expect(await dayNotices("2023-03-10")).toHaveLength(4);
    expect(smtp.received).toHaveLength(4);

    // The next day: another notice and email each.
    expect(await run("2023-03-11")).toEqual({ created: 4, emailed: 4, failed: 0 });
    expect(inbox("admin@a.go.th")).toHaveLength(6);
    expect(inbox("chang@a.go.th")).toHaveLength(2);
  });

  it("stops between notices when told to (the server shutting down); the next run does the rest", async () => {
    const stopped = new AbortController();
    stopped.abort();
    const interrupted = await sendReminders({
      db: database.db,
      mailer,
      today: "2023-03-20",
      log,
      publicUrl,
      pageSize: 2,
      signal: stopped.signal,
    });
    expect(interrupted).toEqual({ created: 0, emailed: 0, failed: 0 });
    expect(await dayNotices("2023-03-20")).toEqual([]);
    expect((await run("2023-03-20")).created).toBeGreaterThan(0);
  });

  it("keeps the notice when the mail server fails and sends it on the next run that day", async () => {
    const before = smtp.received.length;
    smtp.failing = true;
    try {
      expect(await run("2023-03-12")).toEqual({ created: 4, emailed: 0, failed: 4 });
    } finally {
      smtp.failing = false;
    }
    const unsent = await dayNotices("2023-03-12");
    expect(unsent).toHaveLength(4);
    expect(unsent.every((n) => n.emailedAt === null)).toBe(true);
    expect(smtp.received).toHaveLength(before);

    expect(await run("2023-03-12")).toEqual({ created: 0, emailed: 4, failed: 0 });
    const sent = await dayNotices("2023-03-12");
    expect(sent).toHaveLength(4);
    expect(sent.every((n) => n.emailedAt !== null)).toBe(true);
    expect(smtp.received).toHaveLength(before + 4);
  });

  it("sends nothing for a measure finished after its notice was made", async () => {
    const { db } = database;
    const title = "ปิดงานก่อนส่งอีเมล";
    const measure = await createTestMeasure({
      db,
      agencyId: a,
      assessmentId: assessmentA,
      title,
      dueDate: "2023-03-13",
    });
    smtp.failing = true;
    try {
      expect((await run("2023-03-13")).failed).toBeGreaterThan(0);
    } finally {
      smtp.failing = false;
    }
    // Marked done between the failed run and the retry.
    await db.execute(
      sql`update measures set status = 'done', progress = 100 where id = ${measure.id}`,
    );
    await run("2023-03-13");
    expect(smtp.received.some((m) => m.subject.includes(title))).toBe(false);
  });
});
