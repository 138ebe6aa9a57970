import { sql } from "drizzle-orm";
import type { SuggestedMeasure } from "../../domain/content/schema.ts";
import type { PlannedAgency, PlannedYear } from "../../domain/national-demo/plan-national.ts";
import { integerBetween, type Random } from "../../domain/national-demo/seeded-random.ts";
import { fiscalYearRange, toIsoDate } from "../../domain/thai/dates.ts";
import type { Db } from "../db/database.ts";

// Each agency answers its three weakest indicators of the year before, as the guide asks.
const MEASURES_PER_AGENCY = 3;
const BATCH = 2000;
const DONE_WHEN_OVER = 0.95;

/**
 * The year's measures of every agency: for its weakest indicators of the previous year, the
 * suggested measure of the content library, owned by one of its divisions, followed up at mid
 * year and due at the year's end, some under way (most done once the year is over). Returns
 * how many were stored.
 */
export async function insertDemoMeasures(options: {
  db: Db;
  agencies: readonly PlannedAgency[];
  previous: PlannedYear;
  year: PlannedYear;
  suggested: readonly SuggestedMeasure[];
  random: Random;
  /** YYYY-MM-DD: once the fiscal year is over, most of its measures are done. */
  today: string;
}): Promise<number> {
  const { db, agencies, previous, year, suggested, random } = options;
  const { start, end } = fiscalYearRange(year.fiscalYear);
  const over = options.today > toIsoDate(end);
  const midYear = `${end.year}-03-31`;
  const rows: string[][] = [];
  const write = async (slice: readonly string[][]) => {
    const col = (i: number) => sql.param(slice.map((r) => r[i] ?? ""));
    await db.execute(sql`
      insert into measures (agency_id, assessment_id, position, title, steps, responsible,
        indicators, oit_items, monitoring, start_date, due_date, status, progress)
      select agency_id, assessment_id, position::int, title, steps::jsonb, responsible::jsonb,
             indicators::jsonb, '[]'::jsonb, monitoring::jsonb, ${toIsoDate(start)}::date,
             ${toIsoDate(end)}::date, status, progress::int
        from unnest(${col(0)}::uuid[], ${col(1)}::uuid[], ${col(2)}::text[], ${col(3)}::text[],
                    ${col(4)}::text[], ${col(5)}::text[], ${col(6)}::text[], ${col(7)}::text[],
                    ${col(8)}::text[], ${col(9)}::text[])
          as v(agency_id, assessment_id, position, title, steps, responsible, indicators,
               monitoring, status, progress)`);
  };
  year.assessments.forEach((assessment, a) => {
    const agency = agencies[assessment.agency];
    const before = previous.assessments[a]?.quality;
    if (!agency || !before) return;
    const weakest = [...before].sort((x, y) => x[1] - y[1]).map(([n]) => n);
    const chosen = weakest
      .map((n) => suggested.find((m) => m.indicators.includes(n)))
      .filter((m, i, all): m is SuggestedMeasure => m !== undefined && all.indexOf(m) === i)
      .slice(0, MEASURES_PER_AGENCY);
    chosen.forEach((measure, position) => {
      // A few measures of a finished year are never completed; those get reminders, as they should.
      const progress = over && random() < DONE_WHEN_OVER ? 100 : integerBetween(random, 0, 3) * 25;
      rows.push([
        agency.id,
        assessment.id,
        String(position + 1),
        measure.title,
        JSON.stringify(measure.steps),
        JSON.stringify([agency.divisions[position % agency.divisions.length]]),
        JSON.stringify(measure.indicators),
        JSON.stringify([{ date: midYear, activity: "รายงานความก้าวหน้าต่อผู้บริหาร" }]),
        progress === 100 ? "done" : progress === 0 ? "planned" : "in_progress",
        String(progress),
      ]);
    });
  });
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
  return rows.length;
}
