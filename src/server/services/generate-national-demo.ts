import { sql } from "drizzle-orm";
import type { NationalReference } from "../../domain/content/national-reference.ts";
import type { SuggestedMeasure } from "../../domain/content/schema.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import { planNational } from "../../domain/national-demo/plan-national.ts";
import { seededRandom } from "../../domain/national-demo/seeded-random.ts";
import { bangkokDay } from "../../domain/thai/bangkok-day.ts";
import { type Db, queryRows } from "../db/database.ts";
import { insertDemoMeasures } from "./insert-demo-measures.ts";
import { insertDemoYear } from "./insert-demo-year.ts";
import { type RescoreReport, rescoreResults } from "./rescore-results.ts";

export interface NationalDemoOptions {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  reference: NationalReference;
  /** The content's suggested measures: each agency adopts some for its weakest indicators. */
  suggestedMeasures: readonly SuggestedMeasure[];
  /** Published national mean totals by fiscal year (content's national context); gaps are filled. */
  publishedMeans: ReadonlyMap<number, number | null>;
  agencies: number;
  responsesPerYear: number;
  years: number;
  seed: number;
  /** Today, for which measures are done by now; the clock by default. */
  now?: Date;
  /** The newest fiscal year to generate; the newest framework's year by default. */
  lastFiscalYear?: number | undefined;
  onProgress?: (progress: NationalDemoProgress) => void;
}

export interface NationalDemoProgress {
  phase: "agencies" | "responses" | "verdicts" | "measures" | "results";
  fiscalYear?: number;
  /** Responses stored so far, of `total` over every year. */
  done: number;
  total: number;
}

export interface NationalDemoReport {
  agencies: number;
  fiscalYears: number[];
  responses: number;
  verdicts: number;
  measures: number;
  results: RescoreReport;
}

// The national demo's agencies have web sites under the reserved `.example` domain.
const DEMO_SITE = "https://agency-%.example";

/**
 * Fills the database with a synthetic country: agencies of every kind in every province, each
 * year's surveys answered and tallied, OIT verdicts, and results scored from those. The same
 * seed gives the same data. Refused when the national demo is already there.
 */
export async function generateNationalDemo(
  options: NationalDemoOptions,
): Promise<NationalDemoReport> {
  const { db } = options;
  const frameworks = pickFrameworks(options);
  const [existing] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from agencies where website like ${DEMO_SITE}`,
  );
  if ((existing?.n ?? 0) > 0)
    throw new DomainError("CONFLICT", "the national demo is already in this database", {
      userMessage: "ฐานข้อมูลนี้มีข้อมูลสาธิตระดับประเทศอยู่แล้ว ใช้ฐานข้อมูลใหม่ (ว่าง) หากต้องการสร้างอีกครั้ง",
    });
  const random = seededRandom(options.seed);
  const plan = planNational({
    reference: options.reference,
    frameworks,
    nationalMeans: fillMeans(options.publishedMeans, frameworks),
    agencies: options.agencies,
    responsesPerYear: options.responsesPerYear,
    random,
  });
  const total = options.responsesPerYear * frameworks.length;
  const progress = (p: NationalDemoProgress) => options.onProgress?.(p);
  progress({ phase: "agencies", done: 0, total });
  await insertAgencies(db, plan.agencies);
  let responses = 0;
  let verdicts = 0;
  for (const year of plan.years) {
    const before = responses;
    const stored = await insertDemoYear({
      db,
      agencies: plan.agencies,
      year,
      random,
      onResponses: (n) =>
        progress({ phase: "responses", fiscalYear: year.fiscalYear, done: before + n, total }),
    });
    responses += stored.responses;
    verdicts += stored.verdicts;
    progress({ phase: "verdicts", fiscalYear: year.fiscalYear, done: responses, total });
  }
  // Measures of a year answer the year before, so the first year has none.
  let measures = 0;
  for (const [i, year] of plan.years.entries()) {
    const previous = plan.years[i - 1];
    if (!previous) continue;
    progress({ phase: "measures", fiscalYear: year.fiscalYear, done: responses, total });
    measures += await insertDemoMeasures({
      db,
      agencies: plan.agencies,
      previous,
      year,
      suggested: options.suggestedMeasures,
      random,
      today: bangkokDay(options.now ?? new Date()),
    });
  }
  progress({ phase: "results", done: responses, total });
  const results = await rescoreResults({ db, frameworks: options.frameworks, actor: "demo" });
  return {
    agencies: plan.agencies.length,
    fiscalYears: frameworks.map((f) => f.fiscalYear),
    responses,
    verdicts,
    measures,
    results,
  };
}

/** The frameworks of the last `years` fiscal years that have one, oldest first. */
function pickFrameworks(options: NationalDemoOptions): Framework[] {
  const byYear = new Map<number, Framework>();
  for (const framework of options.frameworks.values())
    if (framework.id === `ita-${framework.fiscalYear}`) byYear.set(framework.fiscalYear, framework);
  const last = options.lastFiscalYear ?? Math.max(...byYear.keys());
  const picked: Framework[] = [];
  for (let fy = last; picked.length < options.years && fy > last - 50; fy--) {
    const framework = byYear.get(fy);
    if (framework) picked.unshift(framework);
  }
  if (picked.length < options.years || !byYear.has(last))
    throw new DomainError(
      "INPUT_INVALID",
      `no frameworks for ${options.years} years up to ${last}`,
      {
        userMessage: `ไม่มีกรอบการประเมินครบ ${options.years} ปีจนถึงปีงบประมาณ ${last}`,
        details: [
          {
            path: "--years",
            th: `มีกรอบการประเมินของปี ${[...byYear.keys()].sort().join(", ")}`,
            en: `frameworks exist for ${[...byYear.keys()].sort().join(", ")}`,
          },
        ],
      },
    );
  return picked;
}

/** The published mean of each year, a year without one taking the line between its neighbours. */
function fillMeans(
  published: ReadonlyMap<number, number | null>,
  frameworks: readonly Framework[],
): Map<number, number> {
  const known = [...published]
    .filter((e): e is [number, number] => e[1] !== null)
    .sort((a, b) => a[0] - b[0]);
  const at = (fy: number): number => {
    const exact = known.find(([y]) => y === fy);
    if (exact) return exact[1];
    const before = known.filter(([y]) => y < fy).at(-1);
    const after = known.find(([y]) => y > fy);
    if (before && after)
      return before[1] + ((after[1] - before[1]) * (fy - before[0])) / (after[0] - before[0]);
    return (before ?? after)?.[1] ?? 85;
  };
  return new Map(frameworks.map((f) => [f.fiscalYear, at(f.fiscalYear)]));
}

async function insertAgencies(
  db: Db,
  agencies: ReturnType<typeof planNational>["agencies"],
): Promise<void> {
  for (let i = 0; i < agencies.length; i += 2000) {
    const slice = agencies.slice(i, i + 2000);
    const col = <T>(pick: (a: (typeof slice)[number]) => T) => sql.param(slice.map(pick));
    await db.execute(sql`
      insert into agencies (id, name, type, province, district, website, head_position, divisions)
      select id, name, type, province, district, website, head_position, divisions::jsonb
        from unnest(${col((a) => a.id)}::uuid[], ${col((a) => a.name)}::text[],
                    ${col((a) => a.type)}::text[], ${col((a) => a.province)}::text[],
                    ${col((a) => a.district)}::text[], ${col((a) => a.website)}::text[],
                    ${col((a) => a.headPosition)}::text[], ${col((a) => JSON.stringify(a.divisions))}::text[])
          as v(id, name, type, province, district, website, head_position, divisions)`);
  }
}
