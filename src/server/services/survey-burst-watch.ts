import { and, eq, sql } from "drizzle-orm";
import type { Framework } from "../../domain/framework/schema.ts";
import { bangkokDay } from "../../domain/thai/bangkok-day.ts";
import { type Db, preparedRows } from "../db/database.ts";
import { assessments } from "../db/schema.ts";
import type { Submission } from "./survey-intake.ts";
import { frameworkOf } from "./survey-rows.ts";

/** What the watch needs of stored responses: where they went (and how many, 1 if not given), never what they said. */
export type StoredResponse = Pick<Submission, "agencyId" | "assessmentId" | "tool"> & {
  count?: number;
};

export interface BurstWatch {
  /** Notes a committed batch; resolves once any burst it reveals is recorded. */
  observe(stored: readonly StoredResponse[]): Promise<void>;
}

interface Instants {
  windowMs: number;
  /** In arrival order, which is time order: those before `head` have left the window. */
  instants: number[];
  head: number;
}

/** Drops the instants that left the window from the front, and counts those inside. */
function countInside(seen: Instants, at: number): number {
  while (seen.head < seen.instants.length && (seen.instants[seen.head] ?? at) <= at - seen.windowMs)
    seen.head++;
  // Compacted once half is stale, so memory follows the window and each instant moves once.
  if (seen.head > seen.instants.length / 2) {
    seen.instants = seen.instants.slice(seen.head);
    seen.head = 0;
  }
  return seen.instants.length - seen.head;
}

interface Peak {
  agencyId: string;
  assessmentId: string;
  tool: Submission["tool"];
  day: string;
  peak: number;
}

/**
 * Watches for many submissions in a short time (a possible sign of coached or faked answers).
 * The instants live in this process's memory only, for no longer than the burst window, and are
 * never stored: what is kept is the day and the largest count seen within the window that day.
 * Growing peaks are written together, at most once per `flushEveryMs`, so a sustained burst
 * costs one write a second however many answers arrive.
 */
export function createBurstWatch({
  db,
  frameworks,
  now,
  flushEveryMs = 1000,
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  now: () => Date;
  flushEveryMs?: number;
}): BurstWatch {
  /** agency|assessment|tool → its window (ms) and submission instants (ms), oldest first from `head`. */
  const recent = new Map<string, Instants>();
  /** assessment id → its framework id; an assessment never changes framework. */
  const frameworkIds = new Map<string, string>();
  /** agency|assessment|tool|day → the largest peak seen, to skip needless writes. */
  const recorded = new Map<string, number>();
  /** Peaks seen but not yet written, by day key. */
  const pending = new Map<string, Peak>();
  let flushing: Promise<void> | undefined;
  let lastFlushAt = Number.NEGATIVE_INFINITY;
  let lastSweep = 0;

  const frameworkFor = async (agencyId: string, assessmentId: string) => {
    let id = frameworkIds.get(assessmentId);
    if (id === undefined) {
      const [row] = await db
        .select({ frameworkId: assessments.frameworkId })
        .from(assessments)
        .where(and(eq(assessments.agencyId, agencyId), eq(assessments.id, assessmentId)));
      if (!row) return undefined;
      id = row.frameworkId;
      frameworkIds.set(assessmentId, id);
    }
    return frameworkOf(frameworks, id);
  };

  // One prepared statement for any number of peaks: a sustained burst writes every second.
  const write = async (peaks: Peak[]) => {
    const column = <T>(pick: (p: Peak) => T) => sql.param(peaks.map(pick));
    await preparedRows(
      db,
      "record_survey_bursts",
      sql`insert into survey_flags (agency_id, assessment_id, tool, day, kind, peak)
          select agency_id, assessment_id, tool, day, 'burst', peak
            from unnest(${column((p) => p.agencyId)}::uuid[], ${column((p) => p.assessmentId)}::uuid[],
              ${column((p) => p.tool)}::text[], ${column((p) => p.day)}::date[],
              ${column((p) => p.peak)}::int[]) as p(agency_id, assessment_id, tool, day, peak)
           order by agency_id, assessment_id, tool
          on conflict (agency_id, assessment_id, tool, day, kind)
          do update set peak = greatest(survey_flags.peak, excluded.peak)`,
    );
  };

  // One write in flight at a time; peaks that grow meanwhile wait for the next one.
  const flush = (): Promise<void> => {
    if (flushing) return flushing.then(() => (pending.size > 0 ? flush() : undefined));
    const wait = Math.max(0, lastFlushAt + flushEveryMs - performance.now());
    flushing = new Promise<void>((resolve) => setTimeout(resolve, wait))
      .then(async () => {
        const peaks = [...pending.values()];
        pending.clear();
        if (peaks.length > 0) await write(peaks);
      })
      .finally(() => {
        lastFlushAt = performance.now();
        flushing = undefined;
      });
    return flushing;
  };

  const sweep = (at: number, day: string) => {
    // Forget quiet keys and past days so memory stays bounded by the window (once a second:
    // sweeping every key on every batch would cost more than the watching).
    if (at - lastSweep < 1000) return;
    lastSweep = at;
    for (const [key, seen] of recent)
      if ((seen.instants.at(-1) ?? 0) <= at - seen.windowMs) recent.delete(key);
    for (const dayKey of recorded.keys()) if (!dayKey.endsWith(`|${day}`)) recorded.delete(dayKey);
  };

  return {
    async observe(stored) {
      if (stored.length === 0) return;
      const instant = now();
      const at = instant.getTime();
      const day = bangkokDay(instant);
      const batch = new Map<string, StoredResponse>();
      for (const s of stored) {
        const key = `${s.agencyId}|${s.assessmentId}|${s.tool}`;
        let seen = recent.get(key);
        if (!seen) {
          seen = { windowMs: 0, instants: [], head: 0 };
          recent.set(key, seen);
        }
        for (let n = s.count ?? 1; n > 0; n--) seen.instants.push(at);
        batch.set(key, s);
      }
      for (const [key, s] of batch) {
        const framework = await frameworkFor(s.agencyId, s.assessmentId);
        const seen = recent.get(key);
        if (!framework || !seen) continue;
        const { burstWindowMinutes, burstMinimum } = framework.surveys.integrity;
        seen.windowMs = burstWindowMinutes * 60_000;
        const inside = countInside(seen, at);
        const dayKey = `${key}|${day}`;
        if (inside <= burstMinimum || inside <= (recorded.get(dayKey) ?? 0)) continue;
        recorded.set(dayKey, inside);
        const { agencyId, assessmentId, tool } = s;
        pending.set(dayKey, { agencyId, assessmentId, tool, day, peak: inside });
      }
      sweep(at, day);
      if (pending.size > 0) await flush();
    },
  };
}
