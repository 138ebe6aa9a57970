import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayIn, THAI_TIME_ZONE } from "../../domain/plan/reminder-days.ts";
import type { Database } from "../db/database.ts";
import { notices } from "../db/schema.ts";
import { createTestAssessment, createTestMeasure } from "../test-assessments.ts";
import { engines, freshDatabase } from "../test-databases.ts";
import { buildAgency } from "../test-factories.ts";
import { startTestSmtp, type TestSmtp } from "../test-smtp.ts";
import { createAgency } from "./create-agency.ts";
import { createUser } from "./create-user.ts";
import { scheduleReminders } from "./schedule-reminders.ts";

describe.each(engines)("the reminder schedule on %s", (engine) => {
  let database: Database;
  let smtp: TestSmtp;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    smtp = await startTestSmtp();
  });
  afterAll(async () => {
    await smtp?.close();
    await database?.close();
  });

  it("runs once at start-up for today in Thailand, and stop ends the schedule", async () => {
    const { db } = database;
    const agencyId = (await createAgency({ db, actor: "test", agency: buildAgency() })).id;
    await createUser({
      db,
      actor: "test",
      email: "coordinator@test.go.th",
      displayName: "ผู้ประสานงาน",
      password: "รหัสผ่านทดสอบ",
      memberships: [{ agencyId, role: "agency_admin" }],
    });
    const assessmentId = (await createTestAssessment({ db, agencyId })).id;
    const today = dayIn(THAI_TIME_ZONE, new Date());
    await createTestMeasure({ db, agencyId, assessmentId, dueDate: today });
    const schedule = scheduleReminders({
      db,
      config: {
        SMTP_HOST: "127.0.0.1",
        SMTP_PORT: smtp.port,
        SMTP_USER: undefined,
        SMTP_PASSWORD: undefined,
        SMTP_FROM: undefined,
        PUBLIC_URL: "https://ita.example.go.th",
      },
      log: pino({ level: "silent" }),
    });
    // The start-up run is under way in the background; let it finish before stopping.
    for (let i = 0; i < 200 && smtp.received.length === 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    await schedule.stop();
    const made = await db.select().from(notices);
    expect(made.map((n) => [n.day, n.kind])).toEqual([[today, "due_soon"]]);
    expect(made[0]?.emailedAt).not.toBeNull();
    expect(smtp.received.map((m) => m.to)).toEqual([["coordinator@test.go.th"]]);
    await expect(schedule.stop()).resolves.toBeUndefined();
  });
});
