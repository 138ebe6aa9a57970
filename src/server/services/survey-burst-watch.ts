import { and, eq, sql } from "drizzle-orm";
import type { Framework } from "../../domain/framework/schema.ts";
import { bangkokDay } from "../../domain/thai/bangkok-day.ts";
import type { Db } from "../db/database.ts";
import { assessments, surveyFlags } from "../db/schema.ts";
import type { Submission } from "./survey-intake.ts";
import { frameworkOf } from "./survey-rows.ts";

/** What the watch needs of a stored response: where it went, never what it said. */
export type StoredResponse = Pick<Submission, "agencyId" | "assessmentId" | "tool">;

export interface BurstWatch {
  /** Notes a committed batch; resolves once any burst it reveals is recorded. */
  observe(stored: readonly StoredResponse[]): Promise<void>;
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
 * costs a few writes a second however many answers arrive.
 */
export function createBurstWatch({
  db,
  frameworks,
  now,
  flushEveryMs = 200,
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  now: () => Date;
  flushEveryMs?: number;
}): BurstWatch {
  /** agency|assessment|tool → submission instants (ms) inside its window, and the window (ms). */
  const recent = new Map<string, { windowMs: number; instants: number[] }>();
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

  const write = async (peaks: Peak[]) => {
    await db
      .insert(surveyFlags)
      .values(peaks.map((p) => ({ ...p, kind: "burst" as const })))
      .onConflictDoUpdate({
        target: [
          surveyFlags.agencyId,
          surveyFlags.assessmentId,
          surveyFlags.tool,
          surveyFlags.day,
          surveyFlags.kind,
        ],
        set: { peak: sql`greatest(${surveyFlags.peak}, excluded.peak)` },
      });
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
    for (const [key, { windowMs, instants }] of recent)
      if (instants.every((t) => t <= at - windowMs)) recent.delete(key);
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
        const seen = recent.get(key) ?? { windowMs: 0, instants: [] };
        seen.instants.push(at);
        recent.set(key, seen);
        batch.set(key, s);
      }
      for (const [key, s] of batch) {
        const framework = await frameworkFor(s.agencyId, s.assessmentId);
        if (!framework) continue;
        const { burstWindowMinutes, burstMinimum } = framework.surveys.integrity;
        const windowMs = burstWindowMinutes * 60_000;
        const inside = (recent.get(key)?.instants ?? []).filter((t) => t > at - windowMs);
        recent.set(key, { windowMs, instants: inside });
        const dayKey = `${key}|${day}`;
        if (inside.length <= burstMinimum || inside.length <= (recorded.get(dayKey) ?? 0)) continue;
        recorded.set(dayKey, inside.length);
        const { agencyId, assessmentId, tool } = s;
        pending.set(dayKey, { agencyId, assessmentId, tool, day, peak: inside.length });
      }
      sweep(at, day);
      if (pending.size > 0) await flush();
    },
  };
}
