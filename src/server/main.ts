import { resolve } from "node:path";
import { loadFrameworks } from "../domain/framework/load-frameworks.ts";
import { buildApp } from "./app.ts";
import { parseConfig } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { DEFAULT_WEB_DIR } from "./plugins/web-app.ts";
import { createSiteChecker } from "./services/oit-checker.ts";
import { scheduleReminders } from "./services/schedule-reminders.ts";
import { seedDemo } from "./services/seed-demo.ts";

/** Starts the server: configuration, database and migrations, then HTTP; stops cleanly on signals. */
export async function startServer(env: Record<string, string | undefined>): Promise<void> {
  const config = parseConfig(env);
  const database = await openDatabase(
    config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: resolve(config.DATA_DIR) },
  );
  await database.migrate();
  const app = await buildApp({
    config,
    database,
    webDir: DEFAULT_WEB_DIR,
    oitChecker: createSiteChecker(),
  });
  const demo = await seedDemo({ db: database.db, frameworks: loadFrameworks() });
  // The one time these passwords are ever shown; only their hashes are stored.
  if (demo) {
    app.log.warn(
      { demoAccounts: demo.accounts },
      "สร้างข้อมูลสาธิตแล้ว: รหัสผ่านใช้ครั้งเดียว แสดงครั้งนี้ครั้งเดียว / demo data created; one-time passwords shown only now",
    );
    app.log.warn(
      { demoSurvey: demo.survey },
      "ลิงก์แบบสำรวจสาธิตและรหัสบนบัตรหนึ่งใบ / the demo's survey links and one printed code",
    );
  }
  // Website checks a restart interrupted are marked failed; queued ones run again.
  const recovered = await app.oitChecks.recover();
  if (recovered.failed + recovered.resumed > 0)
    app.log.warn(recovered, "OIT checks recovered after a restart");
  // Measure reminders now and hourly; closing the app waits for a run in progress.
  const reminders = scheduleReminders({ db: database.db, config, log: app.log });
  app.addHook("onClose", () => reminders.stop());
  const stop = async () => {
    await app.close();
    await database.close();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stop());
  await app.listen({ port: config.PORT, host: config.HOST });
}
