import type { FastifyBaseLogger } from "fastify";
import { loadFrameworks } from "../domain/framework/load-frameworks.ts";
import type { Config } from "./config.ts";
import type { Database } from "./db/database.ts";
import type { OitCheckJobs } from "./services/oit-check-jobs.ts";
import { scheduleReminders } from "./services/schedule-reminders.ts";
import { seedDemo } from "./services/seed-demo.ts";

/** Migrates, and fills an empty database with the demo, printing its one-time passwords once. */
export async function prepareDatabase(database: Database, log: FastifyBaseLogger): Promise<void> {
  await database.migrate();
  const demo = await seedDemo({ db: database.db, frameworks: loadFrameworks() });
  // The one time these passwords are ever shown; only their hashes are stored.
  if (!demo) return;
  log.warn(
    { demoAccounts: demo.accounts },
    "สร้างข้อมูลสาธิตแล้ว: รหัสผ่านใช้ครั้งเดียว แสดงครั้งนี้ครั้งเดียว / demo data created; one-time passwords shown only now",
  );
  log.warn(
    { demoSurvey: demo.survey },
    "ลิงก์แบบสำรวจสาธิตและรหัสบนบัตรหนึ่งใบ / the demo's survey links and one printed code",
  );
}

/**
 * The work one process of the installation does for all: website checks a restart interrupted,
 * and measure reminders now and hourly. Returns how to stop it.
 */
export async function startHousekeeping(options: {
  database: Database;
  config: Config;
  oitChecks: OitCheckJobs;
  log: FastifyBaseLogger;
}): Promise<() => Promise<void>> {
  const { database, config, oitChecks, log } = options;
  // Website checks a restart interrupted are marked failed; queued ones run again.
  const recovered = await oitChecks.recover();
  if (recovered.failed + recovered.resumed > 0)
    log.warn(recovered, "OIT checks recovered after a restart");
  const reminders = scheduleReminders({ db: database.db, config, log });
  return async () => {
    await reminders.stop();
    await oitChecks.drain();
  };
}
