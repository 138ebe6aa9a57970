import { and, desc, eq, sql } from "drizzle-orm";
import type { DashboardResponse, MeasureSummary } from "../../shared/dashboard.ts";
import { REMINDER_DAYS } from "../../shared/limits.ts";
import type { Db } from "../db/database.ts";
import { assessments, measures, notices, results } from "../db/schema.ts";
import { getAgency } from "./agencies.ts";

const emptySummary = (): MeasureSummary => ({
  total: 0,
  planned: 0,
  inProgress: 0,
  done: 0,
  cancelled: 0,
  overdue: 0,
  dueSoon: 0,
  averageProgress: null,
});

/** The agency dashboard in four indexed queries run side by side; no per-measure round trips. */
export async function getDashboard({
  db,
  agencyId,
  today,
}: {
  db: Db;
  agencyId: string;
  /** YYYY-MM-DD (Gregorian), the day overdue and due-soon are counted against. */
  today: string;
}): Promise<DashboardResponse> {
  const open = sql`${measures.status} not in ('done', 'cancelled')`;
  const [agency, years, counts, [noticeRow]] = await Promise.all([
    getAgency({ db, agencyId }),
    db
      .select({
        id: assessments.id,
        fiscalYear: assessments.fiscalYear,
        frameworkId: assessments.frameworkId,
        computedOverall: results.computedOverall,
        computedLevel: results.computedLevel,
        officialOverall: results.officialOverall,
        discrepancy: results.discrepancy,
      })
      .from(assessments)
      .leftJoin(
        results,
        and(eq(results.agencyId, assessments.agencyId), eq(results.assessmentId, assessments.id)),
      )
      .where(eq(assessments.agencyId, agencyId))
      .orderBy(desc(assessments.fiscalYear)),
    db
      .select({
        assessmentId: measures.assessmentId,
        status: measures.status,
        count: sql<number>`count(*)::int`,
        progressSum: sql<number>`coalesce(sum(${measures.progress}), 0)::int`,
        overdue: sql<number>`(count(*) filter (where ${open} and ${measures.dueDate} < ${today}::date))::int`,
        dueSoon: sql<number>`(count(*) filter (where ${open} and ${measures.dueDate} >= ${today}::date
          and ${measures.dueDate} <= ${today}::date + ${REMINDER_DAYS}::int))::int`,
      })
      .from(measures)
      .where(eq(measures.agencyId, agencyId))
      .groupBy(measures.assessmentId, measures.status),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(notices)
      .where(and(eq(notices.agencyId, agencyId), eq(notices.day, today))),
  ]);
  const summaries = new Map<string, MeasureSummary & { progressSum: number }>();
  for (const row of counts) {
    const s = summaries.get(row.assessmentId) ?? { ...emptySummary(), progressSum: 0 };
    s.total += row.count;
    s.overdue += row.overdue;
    s.dueSoon += row.dueSoon;
    if (row.status === "in_progress") s.inProgress += row.count;
    else s[row.status] += row.count;
    if (row.status !== "cancelled") s.progressSum += row.progressSum;
    summaries.set(row.assessmentId, s);
  }
  return {
    agency,
    today,
    assessments: years.map((y) => {
      const { progressSum, ...summary } = summaries.get(y.id) ?? {
        ...emptySummary(),
        progressSum: 0,
      };
      const counted = summary.total - summary.cancelled;
      return {
        id: y.id,
        fiscalYear: y.fiscalYear,
        frameworkId: y.frameworkId,
        result:
          y.computedOverall === null || y.computedLevel === null
            ? null
            : {
                computedOverall: y.computedOverall,
                computedLevel: y.computedLevel,
                officialOverall: y.officialOverall,
                discrepancy: y.discrepancy,
              },
        measures: {
          ...summary,
          averageProgress: counted > 0 ? Math.round((progressSum / counted) * 10) / 10 : null,
        },
      };
    }),
    noticesToday: noticeRow?.count ?? 0,
  };
}
