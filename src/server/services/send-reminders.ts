import {
  and,
  asc,
  eq,
  inArray,
  isNotNull,
  isNull,
  lte,
  notInArray,
  type SQLWrapper,
  sql,
} from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { addDays, reminderKind } from "../../domain/plan/reminder-days.ts";
import { REMINDER_DAYS } from "../../shared/limits.ts";
import type { Db } from "../db/database.ts";
import { measures, memberships, notices, users } from "../db/schema.ts";
import type { Mailer } from "./mailer.ts";
import { reminderMail } from "./reminder-mail.ts";

export interface SendRemindersOptions {
  db: Db;
  mailer: Mailer;
  /** The day of the run (YYYY-MM-DD, in Thailand); notices are keyed by it. */
  today: string;
  log: FastifyBaseLogger;
  /** The web address links in emails start with. */
  publicUrl?: string | undefined;
  pageSize?: number;
  /** Stops the run between notices (the server shutting down); the rest wait for the next run. */
  signal?: AbortSignal | undefined;
}

export interface ReminderReport {
  /** Notices created by this run (at most one per measure per day). */
  created: number;
  emailed: number;
  failed: number;
}

const finished: ("done" | "cancelled")[] = ["done", "cancelled"];
const onMeasure = and(eq(measures.agencyId, notices.agencyId), eq(measures.id, notices.measureId));

/** Today's notices of open measures that no run has emailed yet. */
function unsentOn(today: string) {
  return and(
    eq(notices.day, today),
    isNull(notices.emailedAt),
    notInArray(measures.status, finished),
  );
}

/**
 * Notices for every open measure due within REMINDER_DAYS or overdue (one per measure per day),
 * then one email per notice not yet emailed today to the agency's admins and the officers of the
 * responsible divisions. A failed send stays unsent and is tried again by the next run that day.
 * Runs may overlap (the server's hourly run, `prongsai reminders`, several servers): each notice
 * is claimed under a row lock before its email goes out, so it is emailed once.
 */
export async function sendReminders(options: SendRemindersOptions): Promise<ReminderReport> {
  const created = await createNotices(options);
  const { emailed, failed } = await emailNotices(options);
  return { created, emailed, failed };
}

/** Keyset pages over (agency_id, id), so no run holds more than one page in memory. */
function after(columns: [SQLWrapper, SQLWrapper], cursor: [string, string] | undefined) {
  return cursor ? sql`(${columns[0]}, ${columns[1]}) > (${cursor[0]}, ${cursor[1]})` : undefined;
}

async function createNotices(options: SendRemindersOptions): Promise<number> {
  const { db, today, pageSize = 500 } = options;
  const until = addDays(today, REMINDER_DAYS);
  let created = 0;
  let cursor: [string, string] | undefined;
  for (;;) {
    const page = await db
      .select({
        agencyId: measures.agencyId,
        id: measures.id,
        title: measures.title,
        dueDate: measures.dueDate,
      })
      .from(measures)
      .where(
        and(
          notInArray(measures.status, finished),
          isNotNull(measures.dueDate),
          lte(measures.dueDate, until),
          after([measures.agencyId, measures.id], cursor),
        ),
      )
      .orderBy(asc(measures.agencyId), asc(measures.id))
      .limit(pageSize);
    const last = page.at(-1);
    if (!last || options.signal?.aborted) return created;
    const inserted = await db
      .insert(notices)
      .values(
        page.map((m) => {
          const dueDate = m.dueDate ?? today;
          return {
            agencyId: m.agencyId,
            measureId: m.id,
            day: today,
            kind: reminderKind(dueDate, today),
            title: m.title,
            dueDate,
          };
        }),
      )
      .onConflictDoNothing()
      .returning({ measureId: notices.measureId });
    created += inserted.length;
    if (page.length < pageSize) return created;
    cursor = [last.agencyId, last.id];
  }
}

async function emailNotices(
  options: SendRemindersOptions,
): Promise<Omit<ReminderReport, "created">> {
  const { db, today, pageSize = 500 } = options;
  let emailed = 0;
  let failed = 0;
  let cursor: [string, string] | undefined;
  for (;;) {
    // Only keys: each notice is read again, locked, when it is claimed.
    const page = await db
      .select({ agencyId: notices.agencyId, measureId: notices.measureId })
      .from(notices)
      .innerJoin(measures, onMeasure)
      .where(and(unsentOn(today), after([notices.agencyId, notices.measureId], cursor)))
      .orderBy(asc(notices.agencyId), asc(notices.measureId))
      .limit(pageSize);
    const last = page.at(-1);
    if (!last) return { emailed, failed };
    const people = await recipientsOf(db, [...new Set(page.map((n) => n.agencyId))]);
    for (const key of page) {
      if (options.signal?.aborted) return { emailed, failed };
      const outcome = await emailNotice(options, key, people);
      if (outcome === "emailed") emailed++;
      else if (outcome === "failed") failed++;
    }
    if (page.length < pageSize) return { emailed, failed };
    cursor = [last.agencyId, last.measureId];
  }
}

/**
 * Claims one notice by locking its row for the length of the send, so a concurrent run (another
 * server, the CLI) skips it, and marks it emailed in the same transaction; a failed send leaves it
 * unsent for a later run. A row another run holds, or has emailed since the page was read, is skipped.
 */
function emailNotice(
  options: SendRemindersOptions,
  key: { agencyId: string; measureId: string },
  people: Recipient[],
): Promise<"emailed" | "failed" | "skipped"> {
  const { db, today } = options;
  const thisNotice = and(
    eq(notices.agencyId, key.agencyId),
    eq(notices.measureId, key.measureId),
    eq(notices.day, today),
  );
  return db.transaction(async (tx) => {
    const [notice] = await tx
      .select({
        agencyId: notices.agencyId,
        measureId: notices.measureId,
        kind: notices.kind,
        title: notices.title,
        dueDate: notices.dueDate,
        assessmentId: measures.assessmentId,
        responsible: measures.responsible,
      })
      .from(notices)
      .innerJoin(measures, onMeasure)
      .where(and(thisNotice, unsentOn(today)))
      .for("update", { of: notices, skipLocked: true });
    if (!notice) return "skipped";
    const to = [
      ...new Set(
        people
          .filter(
            (p) =>
              p.agencyId === notice.agencyId &&
              (p.role === "agency_admin" ||
                (p.division !== null && notice.responsible.includes(p.division))),
          )
          .map((p) => p.email),
      ),
    ];
    if (to.length === 0) return "skipped";
    const sent = await send(options, to, { ...notice, link: linkTo(options.publicUrl, notice) });
    if (!sent) return "failed";
    await tx.update(notices).set({ emailedAt: sql`now()` }).where(thisNotice);
    return "emailed";
  });
}

type Recipient = Awaited<ReturnType<typeof recipientsOf>>[number];

/** Agency admins and division officers of the page's agencies, in one query. */
function recipientsOf(db: Db, agencyIds: string[]) {
  return db
    .select({
      agencyId: memberships.agencyId,
      role: memberships.role,
      division: memberships.division,
      email: users.email,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        inArray(memberships.agencyId, agencyIds),
        inArray(memberships.role, ["agency_admin", "division_officer"]),
      ),
    );
}

async function send(
  { mailer, log }: SendRemindersOptions,
  to: string[],
  facts: Parameters<typeof reminderMail>[0] & { agencyId: string; measureId: string },
): Promise<boolean> {
  try {
    await mailer.send({ to: to.join(", "), ...reminderMail(facts) });
    return true;
  } catch (error) {
    log.warn(
      { err: error, agencyId: facts.agencyId, measureId: facts.measureId },
      "ส่งอีเมลแจ้งเตือนไม่สำเร็จ จะลองใหม่ในรอบถัดไป / reminder email failed; the next run retries it",
    );
    return false;
  }
}

function linkTo(
  publicUrl: string | undefined,
  n: { agencyId: string; assessmentId: string; measureId: string },
): string | undefined {
  if (!publicUrl) return undefined;
  const base = publicUrl.replace(/\/+$/, "");
  return `${base}/agencies/${n.agencyId}/assessments/${n.assessmentId}/measures/${n.measureId}`;
}
