import { type SQL, sql } from "drizzle-orm";
import type { NationalSort } from "../../shared/national.ts";
import { type Db, preparedRows } from "../db/database.ts";

// The national figures of one fiscal year in one statement. Every join is on an agency-led key:
// assessments by (agency_id, fiscal_year), results by (agency_id, assessment_id).

export interface GroupRow {
  key: string;
  count: number;
  sum: number;
  passCount: number;
}

export interface MoverRow {
  agencyId: string;
  name: string;
  type: string;
  province: string;
  total: number;
  previousTotal: number;
  change: number;
}

export interface ListRow extends Omit<MoverRow, "previousTotal" | "change"> {
  level: string;
  previousTotal: number | null;
  change: number | null;
}

export interface OverviewRow {
  inFilter: number;
  withResults: number;
  sum: number | null;
  passCount: number;
  frameworkId: string | null;
  bins: { bin: number; count: number }[];
  levels: { id: string; count: number }[];
  indicators: { number: number; mean: number | null; count: number }[];
  provinces: GroupRow[];
  types: GroupRow[];
  risers: MoverRow[];
  fallers: MoverRow[];
  items: ListRow[];
  listTotal: number;
  years: number[];
}

export interface OverviewFilter {
  fiscalYear: number;
  /** Provinces (Thai names) to keep; null keeps every province. */
  provinces: readonly string[] | null;
  type: string | null;
  /** A LIKE pattern for the agency's name, already escaped; null lists every agency. */
  namePattern: string | null;
  passMark: number;
  /** Fiscal years that may have results (those of the known frameworks). */
  knownYears: readonly number[];
  /** The indicator numbers to average (keys of `results.indicators`). */
  indicators: readonly number[];
  binWidth: number;
  bins: number;
  movers: number;
  sort: NationalSort;
  limit: number;
  offset: number;
}

const moverJson = sql`json_build_object('agencyId', m.id, 'name', m.name, 'type', m.type,
  'province', m.province, 'total', m.total, 'previousTotal', m.previous, 'change', m.change)`;

export async function queryNationalOverview(db: Db, f: OverviewFilter): Promise<OverviewRow> {
  // The statement's text depends only on how many indicators there are.
  const name = `national_overview_${f.indicators.length}`;
  const [row] = await preparedRows<OverviewRow>(db, name, nationalOverviewSql(f));
  if (!row) throw new Error("the national overview returned no row");
  return row;
}

/**
 * Each indicator's mean in one pass over the year's results. Every writer of `results.indicators`
 * validates numbers, so a value is read with one lookup, without checking its JSON type again.
 */
function indicatorMeans(numbers: readonly number[]): SQL {
  if (numbers.length === 0) return sql`'[]'::json`;
  const stats = numbers.map((n) => {
    const key = String(n);
    return sql`json_build_object('number', ${n}::int,
      'mean', avg((c.indicators ->> ${key}::text)::float8),
      'count', count(c.indicators -> ${key}::text))`;
  });
  return sql`(select json_build_array(${sql.join(stats, sql`, `)}) from cur c)`;
}

/** The statement itself, apart so its plan can be inspected. */
export function nationalOverviewSql(f: OverviewFilter): SQL {
  const provinces = f.provinces === null ? null : JSON.stringify(f.provinces);
  const where = sql`(${provinces}::jsonb is null
      or a.province in (select jsonb_array_elements_text(${provinces}::jsonb)))
    and (${f.type}::text is null or a.type = ${f.type}::text)`;
  const desc = f.sort === "total-desc";
  const listOrder = sql`case when ${desc}::boolean then m.total end desc,
    case when not ${desc}::boolean then m.total end, m.name, m.id`;
  return sql`
    with cur as materialized (
      select a.id, a.name, a.type, a.province, s.framework_id, r.computed_overall as total,
        -- Levels and the pass mark are read off the total rounded half-up to two decimals.
        round(r.computed_overall::numeric, 2) as shown, r.computed_level as level, r.indicators
      from agencies a
      join assessments s on s.agency_id = a.id and s.fiscal_year = ${f.fiscalYear}::int
      join results r on r.agency_id = s.agency_id and r.assessment_id = s.id
      where ${where}
    ),
    moves as materialized (
      select c.*, pr.computed_overall as previous,
        round((c.total - pr.computed_overall)::numeric, 2)::float8 as change
      from cur c
      left join assessments ps on ps.agency_id = c.id and ps.fiscal_year = ${f.fiscalYear}::int - 1
      left join results pr on pr.agency_id = ps.agency_id and pr.assessment_id = ps.id
    ),
    listed as (
      select * from moves m
      where ${f.namePattern}::text is null or m.name ilike ${f.namePattern}::text
    )
    select
      (select count(*)::int from agencies a where ${where}) as "inFilter",
      (select count(*)::int from cur) as "withResults",
      (select sum(total)::float8 from cur) as sum,
      (select count(*)::int from cur where shown >= ${f.passMark}::numeric) as "passCount",
      (select framework_id from cur group by framework_id
        order by count(*) desc, framework_id limit 1) as "frameworkId",
      (select coalesce(json_agg(json_build_object('bin', bin, 'count', n)), '[]'::json) from (
        select least(floor(shown / ${f.binWidth}::int)::int, ${f.bins}::int - 1) as bin,
          count(*)::int as n
        from cur group by 1) b) as bins,
      (select coalesce(json_agg(json_build_object('id', level, 'count', n)), '[]'::json) from (
        select level, count(*)::int as n from cur group by level) l) as levels,
      ${indicatorMeans(f.indicators)} as indicators,
      (select coalesce(json_agg(json_build_object('key', province, 'count', n, 'sum', s,
          'passCount', p)), '[]'::json) from (
        select province, count(*)::int as n, sum(total)::float8 as s,
          count(*) filter (where shown >= ${f.passMark}::numeric)::int as p
        from cur group by province) g) as provinces,
      (select coalesce(json_agg(json_build_object('key', type, 'count', n, 'sum', s,
          'passCount', p)), '[]'::json) from (
        select type, count(*)::int as n, sum(total)::float8 as s,
          count(*) filter (where shown >= ${f.passMark}::numeric)::int as p
        from cur group by type) g) as types,
      (select coalesce(json_agg(${moverJson} order by m.change desc, m.name, m.id), '[]'::json)
        from (select * from moves where change > 0
          order by change desc, name, id limit ${f.movers}::int) m) as risers,
      (select coalesce(json_agg(${moverJson} order by m.change, m.name, m.id), '[]'::json)
        from (select * from moves where change < 0
          order by change, name, id limit ${f.movers}::int) m) as fallers,
      (select coalesce(json_agg(json_build_object('agencyId', m.id, 'name', m.name,
          'type', m.type, 'province', m.province, 'total', m.total, 'level', m.level,
          'previousTotal', m.previous, 'change', m.change) order by ${listOrder}), '[]'::json)
        from (select * from listed m order by ${listOrder}
          limit ${f.limit}::int offset ${f.offset}::int) m) as items,
      (select count(*)::int from listed) as "listTotal",
      -- Each known year stops at its first result, rather than every result being joined.
      (select coalesce(json_agg(y.year order by y.year desc), '[]'::json) from (
        select (jsonb_array_elements_text(${JSON.stringify(f.knownYears)}::jsonb))::int as year) y
        where exists (select 1 from assessments s join results r
          on r.agency_id = s.agency_id and r.assessment_id = s.id
          where s.fiscal_year = y.year)) as years`;
}

/**
 * What the national figures are computed from, as one short string that changes with every
 * committed change: each table's row count and the sum of its rows' inserting transaction ids
 * (xmin), which an insert or update always changes. Unlike a latest `updated_at`, it also moves
 * when a transaction that began earlier commits later.
 */
export async function nationalFiguresVersion(db: Db): Promise<string> {
  const [row] = await preparedRows<{ version: string }>(
    db,
    "national_figures_version",
    sql`select concat_ws(' ',
      (select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) from results),
      (select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) from assessments),
      (select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) from agencies)) as version`,
  );
  return row?.version ?? "";
}
