import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../server/db/database.ts";
import { notices } from "../server/db/schema.ts";
import { createAgency } from "../server/services/create-agency.ts";
import { createUser } from "../server/services/create-user.ts";
import { createTestAssessment, createTestMeasure } from "../server/test-assessments.ts";
import { buildAgency } from "../server/test-factories.ts";
import { startTestSmtp, type TestSmtp } from "../server/test-smtp.ts";
import { remindersCommand } from "./commands/reminders.ts";

const bin = fileURLToPath(new URL("../../bin/prongsai.js", import.meta.url));

describe("prongsai reminders", () => {
  let dataDir: string;
  let smtp: TestSmtp;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "prongsai-reminders-"));
    smtp = await startTestSmtp();
    // The embedded database belongs to one holder at a time: fill it, close it, then run.
    const database = await openDatabase({ dataDir });
    try {
      await database.migrate();
      const { db } = database;
      const agencyId = (await createAgency({ db, actor: "test", agency: buildAgency() })).id;
      await createUser({
        db,
        actor: "test",
        email: "officer@test.go.th",
        displayName: "เจ้าหน้าที่กองคลัง",
        password: "รหัสผ่านทดสอบ",
        memberships: [{ agencyId, role: "division_officer", division: "กองคลัง" }],
      });
      const assessmentId = (await createTestAssessment({ db, agencyId })).id;
      await createTestMeasure({ db, agencyId, assessmentId, dueDate: "2023-03-20" });
    } finally {
      await database.close();
    }
  });
  afterAll(async () => {
    await smtp?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("runs once for the given day (either era) against the configured database", async () => {
    const env = {
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(smtp.port),
      LOG_LEVEL: "silent",
    };
    const lines: string[] = [];
    await remindersCommand(env, { date: "2566-03-10" }, (line) => lines.push(line));
    expect(lines).toEqual([expect.stringContaining("2023-03-10: 1 created, 1 emailed, 0 failed")]);
    await remindersCommand(env, { date: "2023-03-10" }, (line) => lines.push(line));
    expect(lines[1]).toContain("0 created, 0 emailed, 0 failed");
    expect(smtp.received.map((m) => m.to)).toEqual([["officer@test.go.th"]]);
    const database = await openDatabase({ dataDir });
    try {
      expect((await database.db.select().from(notices)).map((n) => n.day)).toEqual(["2023-03-10"]);
    } finally {
      await database.close();
    }
  });

  it("refuses a date that does not exist, in Thai and English", async () => {
    const result = await new Promise<{ code: number; stderr: string }>((done) => {
      execFile(
        process.execPath,
        [bin, "reminders", "--date", "2023-02-30"],
        { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" }, timeout: 120_000 },
        (error, _stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stderr }),
      );
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("วันที่ไม่ถูกต้อง");
    expect(result.stderr).toContain("--date");
  });
});
