import { sql } from "drizzle-orm";
import { DomainError } from "../../domain/errors.ts";
import type { DashboardResponse } from "../../shared/dashboard.ts";
import { REMINDER_DAYS } from "../../shared/limits.ts";
import type { Db } from "../db/database.ts";
import { preparedStatement } from "../db/prepared-statement.ts";

type Row = Omit<DashboardResponse, "agency" | "today"> & {
  agency: DashboardResponse["agency"] | null;
};

/**
 * The agency dashboard in one round trip: the agency, each year with its result and a summary of
 * its measures (counted in SQL), and today's reminders. Every subquery uses an agency-led key.
 */
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
  const [row] = await dashboard(db, { agencyId, today, reminderDays: REMINDER_DAYS });
  if (!row?.agency)
    throw new DomainError("INPUT_NOT_FOUND", `no agency ${agencyId}`, {
      userMessage: "ไม่พบหน่วยงานนี้",
    });
  return { ...row, agency: row.agency, today };
}

// Every dashboard view runs this: its text is built once, with a placeholder for each value.
const dashboard = preparedStatement<Row>("agency_dashboard", () => {
  const agencyId = sql.placeholder("agencyId");
  const today = sql.placeholder("today");
  return sql`
    select
      (select json_build_object('id', a.id, 'name', a.name, 'nameEn', a.name_en, 'type', a.type,
          'province', a.province, 'district', a.district, 'website', a.website,
          'headName', a.head_name, 'headPosition', a.head_position, 'divisions', a.divisions)
        from agencies a where a.id = ${agencyId}) as agency,
      (select coalesce(json_agg(y order by y."fiscalYear" desc), '[]'::json) from (
        select s.id, s.fiscal_year as "fiscalYear", s.framework_id as "frameworkId",
          case when r.assessment_id is null then null else json_build_object(
            'computedOverall', r.computed_overall, 'computedLevel', r.computed_level,
            'officialOverall', r.official_overall, 'discrepancy', r.discrepancy) end as result,
          (select json_build_object(
              'total', count(*),
              'planned', count(*) filter (where m.status = 'planned'),
              'inProgress', count(*) filter (where m.status = 'in_progress'),
              'done', count(*) filter (where m.status = 'done'),
              'cancelled', count(*) filter (where m.status = 'cancelled'),
              'overdue', count(*) filter (where m.status not in ('done', 'cancelled')
                and m.due_date < ${today}::date),
              'dueSoon', count(*) filter (where m.status not in ('done', 'cancelled')
                and m.due_date >= ${today}::date
                and m.due_date <= ${today}::date + ${sql.placeholder("reminderDays")}::int),
              'averageProgress',
                round(avg(m.progress) filter (where m.status <> 'cancelled'), 1)::float8)
            from measures m where m.agency_id = s.agency_id and m.assessment_id = s.id) as measures
        from assessments s
        left join results r on r.agency_id = s.agency_id and r.assessment_id = s.id
        where s.agency_id = ${agencyId}) y) as assessments,
      (select count(*)::int from notices n
        where n.agency_id = ${agencyId} and n.day = ${today}::date) as "noticesToday"`;
});
