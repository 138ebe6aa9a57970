import { sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { agencies, assessments, results } from "../../db/schema.ts";

// Test-only: a few agencies over two fiscal years, one without a result, and, for streaming, a
// third year with more agencies than one keyset page holds, inserted in SQL.

/** Who last changed each result: must never appear in open data. */
export const RESULT_EDITOR = "user-3f1c-never-published";
/** More rows than one page (1,000) of the streamed files. */
export const BULK_COUNT = 2_345;
export const BULK_YEAR = 2564;

export interface OpenAgency {
  id: string;
  name: string;
  type: string;
  province: string;
  regionId: string;
  /** Fiscal year → the result inserted. */
  results: Record<
    number,
    {
      indicators: Record<string, number>;
      overall: number;
      level: string;
      official: number | null;
      officialLevel: string | null;
    }
  >;
}

const scores = (base: number) =>
  Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i + 1), base + i * 1.25]));

async function insertAgency(
  db: Db,
  agency: Omit<OpenAgency, "id">,
  years: number[],
): Promise<OpenAgency> {
  const [row] = await db
    .insert(agencies)
    .values({
      name: agency.name,
      type: agency.type,
      province: agency.province,
      district: "เมือง",
      website: "https://www.example.go.th",
      headPosition: "หัวหน้าหน่วยงาน",
      divisions: ["สำนักปลัด"],
    })
    .returning({ id: agencies.id });
  if (!row) throw new Error("no agency inserted");
  for (const fiscalYear of years) {
    const [assessment] = await db
      .insert(assessments)
      .values({ agencyId: row.id, fiscalYear, frameworkId: `ita-${fiscalYear}` })
      .returning({ id: assessments.id });
    if (!assessment) throw new Error("no assessment inserted");
    const result = agency.results[fiscalYear];
    if (result)
      await db.insert(results).values({
        agencyId: row.id,
        assessmentId: assessment.id,
        source: "imported",
        indicators: result.indicators,
        computedOverall: result.overall,
        computedLevel: result.level,
        officialOverall: result.official,
        officialLevel: result.officialLevel,
        updatedBy: RESULT_EDITOR,
      });
  }
  return { ...agency, id: row.id };
}

export interface OpenDataWorld {
  /** Results in 2565 and 2566. */
  huaiSak: OpenAgency;
  /** A result in 2566 only, with official figures and a name that needs CSV quoting. */
  bangSaen: OpenAgency;
  /** Assessed in 2566 and 2567 without any result: in no file. */
  noResult: OpenAgency;
}

export async function buildOpenDataWorld(db: Db): Promise<OpenDataWorld> {
  const huaiSak = await insertAgency(
    db,
    {
      name: "เทศบาลตำบลห้วยสัก",
      type: "เทศบาลตำบล",
      province: "เชียงราย",
      regionId: "north",
      results: {
        2565: {
          indicators: scores(70),
          overall: 77.81,
          level: "B",
          official: null,
          officialLevel: null,
        },
        2566: {
          indicators: scores(80),
          overall: 86.25,
          level: "A",
          official: null,
          officialLevel: null,
        },
      },
    },
    [2565, 2566],
  );
  const bangSaen = await insertAgency(
    db,
    {
      name: 'องค์การบริหารส่วนตำบล "แสนสุข", บางแสน',
      type: "องค์การบริหารส่วนตำบล",
      province: "ชลบุรี",
      regionId: "east",
      results: {
        2566: {
          indicators: scores(90),
          overall: 95.63,
          level: "AA",
          official: 95.6,
          officialLevel: "AA",
        },
      },
    },
    [2566],
  );
  const noResult = await insertAgency(
    db,
    {
      name: "องค์การบริหารส่วนจังหวัดน่าน",
      type: "องค์การบริหารส่วนจังหวัด",
      province: "น่าน",
      regionId: "north",
      results: {},
    },
    [2566, 2567],
  );
  return { huaiSak, bangSaen, noResult };
}

/** BULK_COUNT agencies with a BULK_YEAR result each, in three statements. */
export async function insertBulkYear(db: Db): Promise<void> {
  await db.execute(sql`
    insert into agencies (name, type, province, district, website, head_position, divisions)
    select 'อบต.ทดสอบ ' || g, 'องค์การบริหารส่วนตำบล', 'ลำปาง', 'เมือง', 'https://www.example.go.th',
           'นายก', '[]'::jsonb
      from generate_series(1, ${BULK_COUNT}) g`);
  await db.execute(sql`
    insert into assessments (agency_id, fiscal_year, framework_id)
    select id, ${BULK_YEAR}, ${`ita-${BULK_YEAR}`} from agencies where name like 'อบต.ทดสอบ %'`);
  await db.execute(sql`
    insert into results (agency_id, assessment_id, source, indicators, computed_overall,
                         computed_level, updated_by)
    select s.agency_id, s.id, 'imported', '{"1": 50, "10": 60}'::jsonb, 55.5, 'D', ${RESULT_EDITOR}
      from assessments s where s.fiscal_year = ${BULK_YEAR}`);
}
