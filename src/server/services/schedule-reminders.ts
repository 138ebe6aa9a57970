import type { FastifyBaseLogger } from "fastify";
import { dayIn, THAI_TIME_ZONE } from "../../domain/plan/reminder-days.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/database.ts";
import { createMailer, type Mailer } from "./mailer.ts";
import { sendReminders } from "./send-reminders.ts";

const HOUR_MS = 60 * 60 * 1000;

export interface Schedule {
  /** Stops the timer and interrupts a run in progress, so the database can close after it. */
  stop(): Promise<void>;
}

type MailConfig = Pick<
  Config,
  "SMTP_HOST" | "SMTP_PORT" | "SMTP_USER" | "SMTP_PASSWORD" | "SMTP_FROM" | "PUBLIC_URL"
>;

/** Reminders once now and every hour after, for the server; a failed run is logged and retried next hour. */
export function scheduleReminders(options: {
  db: Db;
  config: MailConfig;
  log: FastifyBaseLogger;
  mailer?: Mailer;
  everyMs?: number;
}): Schedule {
  const { db, config, log } = options;
  const mailer = options.mailer ?? createMailer(config, log);
  return every(options.everyMs ?? HOUR_MS, log, async (signal) => {
    const today = dayIn(THAI_TIME_ZONE, new Date());
    const report = await sendReminders({
      db,
      mailer,
      today,
      log,
      publicUrl: config.PUBLIC_URL,
      signal,
    });
    log.info({ reminders: report, day: today }, "ส่งการแจ้งเตือนมาตรการแล้ว / reminders run");
  });
}

/** Runs `task` now and then every `ms`, never two at once; the timer never keeps the process alive. */
function every(
  ms: number,
  log: FastifyBaseLogger,
  task: (signal: AbortSignal) => Promise<void>,
): Schedule {
  let running: Promise<void> | undefined;
  let stopped = false;
  // Stopping interrupts a long run between notices instead of waiting for all of them.
  const abort = new AbortController();
  const tick = () => {
    if (stopped || running) return;
    running = task(abort.signal)
      .catch((error: unknown) =>
        log.error({ err: error }, "การแจ้งเตือนมาตรการล้มเหลว / reminders run failed"),
      )
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, ms);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      abort.abort();
      await running;
    },
  };
}
