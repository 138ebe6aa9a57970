import { and, eq, gte, type SQL } from "drizzle-orm";
import { DomainError } from "../../domain/errors.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import type { Db } from "../db/database.ts";
import { agencies, assessments, oitCheckRuns, oitChecks } from "../db/schema.ts";
import type { OitChecker } from "./oit-checker.ts";
import { runOitCheck } from "./run-oit-check.ts";
import { startOitCheck } from "./start-oit-check.ts";

/** What happened to one agency in a bulk check. */
export type DisclosureCheckOutcome = "checked" | "failed" | "recent" | "busy" | "no-website";

export interface DisclosureCheckProgress {
  done: number;
  total: number;
  agencyName: string;
  outcome: DisclosureCheckOutcome;
}

export interface DisclosureCheckSummary {
  /** Agencies with an assessment in the year (and province). */
  total: number;
  counts: Record<DisclosureCheckOutcome, number>;
  /** Each failed run with its Thai reason. */
  failures: { agencyId: string; name: string; error: string }[];
}

const HOUR_MS = 3_600_000;

/**
 * Runs the website checker over every agency's site for a fiscal year, a few at a time, through
 * the same queued runs as the OIT page, so findings land in oit_checks with their archive. An
 * agency whose site was checked within `sinceHours` is skipped, so a stopped run can be resumed.
 */
export async function checkDisclosures({
  db,
  frameworks,
  checker,
  fiscalYear,
  province,
  concurrency,
  sinceHours,
  actor,
  now,
  allowPrivate,
  onProgress,
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  checker: OitChecker;
  fiscalYear: number;
  province?: string | undefined;
  concurrency: number;
  sinceHours: number;
  actor: string;
  now: () => Date;
  allowPrivate: boolean;
  onProgress?: (progress: DisclosureCheckProgress) => void;
}): Promise<DisclosureCheckSummary> {
  const filters: SQL[] = [eq(assessments.fiscalYear, fiscalYear)];
  if (province) filters.push(eq(agencies.province, province));
  const years = await db
    .select({
      agencyId: agencies.id,
      name: agencies.name,
      website: agencies.website,
      assessmentId: assessments.id,
    })
    .from(assessments)
    .innerJoin(agencies, eq(agencies.id, assessments.agencyId))
    .where(and(...filters))
    .orderBy(agencies.province, agencies.name, agencies.id);
  const recent = await recentlyChecked(
    db,
    fiscalYear,
    new Date(now().getTime() - sinceHours * HOUR_MS),
  );

  const summary: DisclosureCheckSummary = {
    total: years.length,
    counts: { checked: 0, failed: 0, recent: 0, busy: 0, "no-website": 0 },
    failures: [],
  };
  let done = 0;
  const checkOne = async (year: (typeof years)[number]): Promise<DisclosureCheckOutcome> => {
    if (recent.has(year.assessmentId)) return "recent";
    if (year.website.trim() === "") return "no-website";
    let runId: string;
    try {
      const run = await startOitCheck({
        db,
        frameworks,
        checker,
        agencyId: year.agencyId,
        assessmentId: year.assessmentId,
        actor,
        now: now(),
        // This loop runs it itself, so the pool bounds how many run at once.
        run: () => undefined,
      });
      runId = run.id;
    } catch (error) {
      // A run the OIT page started is still going: that agency is being checked already.
      if (error instanceof DomainError && error.code === "CONFLICT") return "busy";
      throw error;
    }
    await runOitCheck({
      db,
      frameworks,
      checker,
      agencyId: year.agencyId,
      runId,
      now,
      allowPrivate,
    });
    const [finished] = await db
      .select({ status: oitCheckRuns.status, error: oitCheckRuns.error })
      .from(oitCheckRuns)
      .where(and(eq(oitCheckRuns.agencyId, year.agencyId), eq(oitCheckRuns.id, runId)));
    if (finished?.status === "done") return "checked";
    summary.failures.push({
      agencyId: year.agencyId,
      name: year.name,
      error: finished?.error ?? "ตรวจเว็บไซต์ไม่สำเร็จ",
    });
    return "failed";
  };

  let next = 0;
  const worker = async () => {
    while (next < years.length) {
      const year = years[next++] as (typeof years)[number];
      const outcome = await checkOne(year);
      summary.counts[outcome]++;
      done++;
      onProgress?.({ done, total: years.length, agencyName: year.name, outcome });
    }
  };
  const workers = Math.max(1, Math.min(concurrency, years.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return summary;
}

/** The year's assessments with a finding of the website checker since `after` (the run's clock). */
async function recentlyChecked(db: Db, fiscalYear: number, after: Date): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ assessmentId: oitChecks.assessmentId })
    .from(oitChecks)
    .innerJoin(
      assessments,
      and(eq(assessments.agencyId, oitChecks.agencyId), eq(assessments.id, oitChecks.assessmentId)),
    )
    .where(and(eq(assessments.fiscalYear, fiscalYear), gte(oitChecks.checkedAt, after)));
  return new Set(rows.map((r) => r.assessmentId));
}
