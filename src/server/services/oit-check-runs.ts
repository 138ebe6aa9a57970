import { and, desc, eq } from "drizzle-orm";
import type { OitCheckRun } from "../../shared/oit-check.ts";
import type { Db } from "../db/database.ts";
import { oitCheckRuns } from "../db/schema.ts";

export type OitCheckRunRow = typeof oitCheckRuns.$inferSelect;

export function toOitCheckRun(row: OitCheckRunRow): OitCheckRun {
  return {
    id: row.id,
    assessmentId: row.assessmentId,
    status: row.status,
    done: row.done,
    total: row.total,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** The assessment's most recent check run, or null when it was never checked. */
export async function getLatestOitCheck({
  db,
  agencyId,
  assessmentId,
}: {
  db: Db;
  agencyId: string;
  assessmentId: string;
}): Promise<{ run: OitCheckRun | null }> {
  const [row] = await db
    .select()
    .from(oitCheckRuns)
    .where(and(eq(oitCheckRuns.agencyId, agencyId), eq(oitCheckRuns.assessmentId, assessmentId)))
    .orderBy(desc(oitCheckRuns.createdAt))
    .limit(1);
  return { run: row ? toOitCheckRun(row) : null };
}
