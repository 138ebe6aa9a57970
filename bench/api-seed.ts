import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../src/server/db/database.ts";
import { assessments, measures, NATIONAL_SCOPE } from "../src/server/db/schema.ts";
import { createAgency } from "../src/server/services/create-agency.ts";
import { createUser } from "../src/server/services/create-user.ts";
import { buildAgency } from "../src/server/test-factories.ts";

// A national installation in miniature: many agencies with a year of measures each, and the one
// agency the benchmark signs in to, with one measure per connection so updates never collide.

export interface BenchWorld {
  agencyId: string;
  assessmentId: string;
  measureIds: string[];
  email: string;
  password: string;
  /** One measure in each of many agencies, changed by a national administrator. */
  spread: { agencyId: string; assessmentId: string; measureId: string }[];
  nationalEmail: string;
}

export async function seedBenchWorld({
  db,
  agencies,
  measuresPerAgency,
  ownMeasures,
  spreadAgencies,
}: {
  db: Db;
  agencies: number;
  measuresPerAgency: number;
  ownMeasures: number;
  spreadAgencies: number;
}): Promise<BenchWorld> {
  // Bulk rows in SQL: thousands of agencies in a few statements.
  await db.execute(sql`
    insert into agencies (name, type, province, district, website, head_position, divisions)
    select 'เทศบาลตำบลทดสอบ ' || g, 'เทศบาลตำบล', 'เชียงราย', 'เมืองเชียงราย',
      'https://agency-' || g || '.go.th', 'นายกเทศมนตรี', '["สำนักปลัด","กองคลัง","กองช่าง"]'::jsonb
    from generate_series(1, ${agencies}) g`);
  await db.execute(sql`
    insert into assessments (agency_id, fiscal_year, framework_id)
    select id, y, 'ita-' || y from agencies, (values (2566), (2567)) v(y)`);
  await db.execute(sql`
    insert into measures (agency_id, assessment_id, position, title, steps, responsible, indicators,
      oit_items, monitoring, start_date, due_date, status, progress)
    select a.agency_id, a.id, g, 'มาตรการที่ ' || g, '["ประชุม","ดำเนินการ","รายงานผล"]'::jsonb,
      '["กองคลัง"]'::jsonb, '[1, 9]'::jsonb, '[]'::jsonb, '[]'::jsonb, date '2023-10-01',
      date '2023-10-01' + (g * 20), (array['planned','in_progress','done'])[1 + g % 3], (g * 7) % 100
    from assessments a, generate_series(1, ${measuresPerAgency}) g where a.fiscal_year = 2567`);
  const { id: agencyId } = await createAgency({
    db,
    actor: "bench",
    agency: buildAgency({ name: "เทศบาลตำบลห้วยสัก (วัดประสิทธิภาพ)" }),
  });
  const years = await db
    .insert(assessments)
    .values([
      { agencyId, fiscalYear: 2566, frameworkId: "ita-2566" },
      { agencyId, fiscalYear: 2567, frameworkId: "ita-2567" },
    ])
    .returning({ id: assessments.id });
  const assessmentId = years[1]?.id ?? "";
  const own = await db
    .insert(measures)
    .values(
      Array.from({ length: ownMeasures }, (_, i) => ({
        agencyId,
        assessmentId,
        position: i + 1,
        title: `มาตรการที่ ${i + 1}`,
        steps: ["ประชุมชี้แจง", "ดำเนินการ", "รายงานผล"],
        responsible: ["กองคลัง"],
        indicators: [1, 9],
        oitItems: [],
        monitoring: [{ date: "2024-03-31", activity: "รายงานความก้าวหน้า" }],
        startDate: "2023-10-01",
        dueDate: "2024-09-30",
      })),
    )
    .returning({ id: measures.id });
  // As on a live server, today's hourly reminder run has already noticed and emailed every overdue
  // measure, so the benchmark measures the API and not that batch running beside it.
  await db.execute(sql`
    insert into notices (agency_id, measure_id, day, kind, title, due_date, emailed_at)
    select agency_id, id, (now() at time zone 'Asia/Bangkok')::date, 'overdue', title, due_date, now()
    from measures where due_date is not null and status not in ('done', 'cancelled')`);
  const email = "bench@huaisak.go.th";
  const password = "รหัสผ่านสำหรับวัดประสิทธิภาพ";
  await createUser({
    db,
    actor: "bench",
    email,
    displayName: "ผู้ประสานงาน",
    password,
    memberships: [{ agencyId, role: "agency_admin" }],
  });
  const nationalEmail = "national-bench@prongsai.local";
  await createUser({
    db,
    actor: "bench",
    email: nationalEmail,
    displayName: "ผู้ดูแลระบบ",
    password,
    memberships: [{ agencyId: NATIONAL_SCOPE, role: "national_admin" }],
  });
  const spread = await queryRows<{ agencyId: string; assessmentId: string; measureId: string }>(
    db,
    sql`select distinct on (agency_id) agency_id as "agencyId", assessment_id as "assessmentId",
          id as "measureId"
        from measures where agency_id <> ${agencyId} order by agency_id, position limit ${spreadAgencies}`,
  );
  return {
    agencyId,
    assessmentId,
    measureIds: own.map((m) => m.id),
    email,
    password,
    spread,
    nationalEmail,
  };
}
