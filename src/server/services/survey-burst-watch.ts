import { and, eq, sql } from "drizzle-orm";
import type { Framework } from "../../domain/framework/schema.ts";
import { bangkokDay } from "../../domain/thai/bangkok-day.ts";
import type { Db } from "../db/database.ts";
import { assessments, surveyFlags } from "../db/schema.ts";
import type { Submission } from "./survey-intake.ts";
import { frameworkOf } from "./survey-rows.ts";

export interface BurstWatch {
  /** Notes a committed batch; resolves once any burst it reveals is recorded. */
  observe(stored: readonly Submission[]): Promise<void>;
}

/**
 * Watches for many submissions in a short time (a possible sign of coached or faked answers).
 * The instants live in this process's memory only, for no longer than the burst window, and are
 * never stored: what is kept is the day and the largest count seen within the window that day.
 */
export function createBurstWatch({
  db,
  frameworks,
  now,
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  now: () => Date;
}): BurstWatch {
  /** agency|assessment|tool → submission instants (ms) inside its window, and the window (ms). */
  const recent = new Map<string, { windowMs: number; instants: number[] }>();
  /** assessment id → its framework id; an assessment never changes framework. */
  const frameworkIds = new Map<string, string>();
  /** agency|assessment|tool|day → the peak already recorded, to skip needless writes. */
  const recorded = new Map<string, number>();
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

  return {
    async observe(stored) {
      if (stored.length === 0) return;
      const instant = now();
      const at = instant.getTime();
      const day = bangkokDay(instant);
      const batch = new Map<string, Submission>();
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
        // Written when the day's peak first passes the minimum, then only when it grows by a
        // quarter: a sustained burst costs a handful of writes, not one per response.
        const before = recorded.get(dayKey) ?? 0;
        if (inside.length <= burstMinimum || inside.length < Math.max(before * 1.25, before + 1))
          continue;
        await db
          .insert(surveyFlags)
          .values({
            agencyId: s.agencyId,
            assessmentId: s.assessmentId,
            tool: s.tool,
            day,
            kind: "burst",
            peak: inside.length,
          })
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
        recorded.set(dayKey, inside.length);
      }
      // Forget quiet keys and past days so memory stays bounded by the window (once a second:
      // sweeping every key on every batch would cost more than the watching).
      if (at - lastSweep < 1000) return;
      lastSweep = at;
      for (const [key, { windowMs, instants }] of recent)
        if (instants.every((t) => t <= at - windowMs)) recent.delete(key);
      for (const dayKey of recorded.keys())
        if (!dayKey.endsWith(`|${day}`)) recorded.delete(dayKey);
    },
  };
}
