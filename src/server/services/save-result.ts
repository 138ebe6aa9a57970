import { and, eq, sql } from "drizzle-orm";
import type { CheckedResult } from "../../domain/results/check-result.ts";
import type { Db } from "../db/database.ts";
import { results } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";

export type ResultRow = typeof results.$inferSelect;

export interface SaveResultOptions {
  /** The caller's transaction: the result and its audit entry commit together. */
  db: Db;
  actor: string;
  agencyId: string;
  assessmentId: string;
  source: "entered" | "imported" | "computed";
  result: CheckedResult;
  /** The audit action; by default from the source (entered or imported). */
  action?: string;
}

/** Writes (or replaces) an assessment's result and audits before and after. */
export async function saveResult(options: SaveResultOptions): Promise<ResultRow> {
  const { db, agencyId, assessmentId, result } = options;
  const [before] = await db
    .select()
    .from(results)
    .where(and(eq(results.agencyId, agencyId), eq(results.assessmentId, assessmentId)))
    .for("update");
  const values = {
    source: options.source,
    indicators: result.indicators,
    oit: result.oit,
    officialOverall: result.officialOverall,
    officialLevel: result.officialLevel,
    computedOverall: result.computedOverall,
    computedLevel: result.computedLevel,
    discrepancy: result.discrepancy,
    updatedAt: sql`now()`,
    updatedBy: options.actor,
  };
  const [after] = await db
    .insert(results)
    .values({ agencyId, assessmentId, ...values })
    .onConflictDoUpdate({ target: [results.agencyId, results.assessmentId], set: values })
    .returning();
  if (!after) throw new Error("upsert returned no result");
  await appendAudit({
    db,
    agencyId,
    actor: options.actor,
    action: options.action ?? (options.source === "imported" ? "result.import" : "result.enter"),
    entity: "result",
    entityId: assessmentId,
    before: before ? auditView(before) : undefined,
    after: auditView(after),
  });
  return after;
}

const auditView = (row: ResultRow) => ({ ...row, updatedAt: row.updatedAt.toISOString() });
