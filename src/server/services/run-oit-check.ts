import { and, eq, sql } from "drizzle-orm";
import type { Framework } from "../../domain/framework/schema.ts";
import type { Db } from "../db/database.ts";
import { agencies, oitCheckArchive, oitCheckRuns, oitChecks } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";
import type { OitChecker } from "./oit-checker.ts";
import { loadOitScope } from "./oit-scope.ts";

/** Progress is written at most this often, so a fast crawl does not flood the database. */
const PROGRESS_EVERY_MS = 1_000;
const ARCHIVE_SLICE = 500;

/**
 * Runs one queued check: the agency's website from its settings, the checklist's links as
 * evidence; each item's finding replaces the last one; the run ends done or failed, audited.
 */
export async function runOitCheck({
  db,
  frameworks,
  checker,
  agencyId,
  runId,
  now,
  allowPrivate,
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  checker: OitChecker;
  agencyId: string;
  runId: string;
  now: () => Date;
  allowPrivate: boolean;
}): Promise<void> {
  const where = and(eq(oitCheckRuns.agencyId, agencyId), eq(oitCheckRuns.id, runId));
  const [run] = await db
    .update(oitCheckRuns)
    .set({ status: "running", startedAt: now() })
    .where(and(where, eq(oitCheckRuns.status, "queued")))
    .returning();
  // Another worker took it, or it was already finished.
  if (!run) return;
  try {
    const scope = await loadOitScope({
      db,
      frameworks,
      agencyId,
      assessmentId: run.assessmentId,
      now: now(),
    });
    const [agency] = await db
      .select({ website: agencies.website })
      .from(agencies)
      .where(eq(agencies.id, agencyId));
    const evidence = Object.fromEntries(
      [...scope.answers].filter(([, a]) => a.urls.length > 0).map(([id, a]) => [id, a.urls]),
    );
    let written = 0;
    const result = await checker({
      site: agency?.website ?? "",
      framework: scope.framework,
      evidence,
      allowPrivate,
      now,
      onProgress: (p) => {
        if (Date.now() - written < PROGRESS_EVERY_MS) return;
        written = Date.now();
        void db
          .update(oitCheckRuns)
          .set({ done: p.done, total: p.total })
          .where(where)
          .catch(() => undefined);
      },
    });
    const checkedAt = now();
    const digests = new Map(result.archive.map((r) => [r.finalUrl, r.sha256] as const));
    for (const r of result.archive) digests.set(r.url, r.sha256);
    await db.transaction(async (tx) => {
      for (const finding of result.items) {
        const values = {
          status: finding.status,
          url: finding.url,
          reason: finding.reason,
          reasonEn: finding.reasonEn,
          checkedAt,
          sha256: finding.url ? (digests.get(finding.url) ?? null) : null,
          runId,
        };
        await tx
          .insert(oitChecks)
          .values({ agencyId, assessmentId: run.assessmentId, itemId: finding.id, ...values })
          .onConflictDoUpdate({
            target: [oitChecks.agencyId, oitChecks.assessmentId, oitChecks.itemId],
            set: values,
          });
      }
      // The archive in slices: one statement per slice keeps parameters under the driver's limit.
      const archive = result.archive.map((r, position) => ({
        agencyId,
        runId,
        position,
        url: r.url,
        finalUrl: r.finalUrl,
        httpStatus: r.httpStatus,
        contentType: r.contentType,
        sha256: r.sha256,
        text: r.text,
        fetchedAt: new Date(r.fetchedAt),
        error: r.error,
      }));
      for (let i = 0; i < archive.length; i += ARCHIVE_SLICE)
        await tx.insert(oitCheckArchive).values(archive.slice(i, i + ARCHIVE_SLICE));
      const total = result.items.length;
      await tx
        .update(oitCheckRuns)
        .set({ status: "done", done: total, total, finishedAt: sql`now()` })
        .where(where);
      await appendAudit({
        db: tx,
        agencyId,
        actor: run.createdBy,
        action: "oit.check_done",
        entity: "oit_check_run",
        entityId: runId,
        after: { findings: total, pages: result.stats.pages },
      });
    });
  } catch (error) {
    await failRun(
      db,
      agencyId,
      runId,
      run.createdBy,
      `ตรวจเว็บไซต์ไม่สำเร็จ: ${String(error instanceof Error ? error.message : error).slice(0, 500)}`,
    );
  }
}

/** Marks a run failed with its Thai reason, audited. */
export async function failRun(
  db: Db,
  agencyId: string,
  runId: string,
  actor: string,
  reason: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(oitCheckRuns)
      .set({ status: "failed", error: reason, finishedAt: sql`now()` })
      .where(and(eq(oitCheckRuns.agencyId, agencyId), eq(oitCheckRuns.id, runId)));
    await appendAudit({
      db: tx,
      agencyId,
      actor,
      action: "oit.check_failed",
      entity: "oit_check_run",
      entityId: runId,
      after: { error: reason },
    });
  });
}
