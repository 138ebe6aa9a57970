import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../domain/content/load-content.ts";
import { loadNationalReference } from "../../domain/content/national-reference.ts";
import { DomainError } from "../../domain/errors.ts";
import { loadFrameworks } from "../../domain/framework/load-frameworks.ts";
import { type Database, queryRows } from "../db/database.ts";
import { engines, freshDatabase } from "../test-databases.ts";
import { generateNationalDemo, type NationalDemoOptions } from "./generate-national-demo.ts";
import { loadMeasuresInput } from "./load-measures-input.ts";
import { rebuildTallies } from "./rebuild-tallies.ts";
import { rescoreResults } from "./rescore-results.ts";

const frameworks = loadFrameworks();
const content = loadContent();
const publishedMeans = new Map(
  Object.entries(content.national.years).map(([fy, y]) => [Number(fy), y.nationalMean]),
);

describe.each(engines)("the national demo on %s", (engine) => {
  const databases: Database[] = [];
  const fresh = async () => {
    const database = await freshDatabase(engine);
    databases.push(database);
    return database;
  };
  const options = (database: Database): NationalDemoOptions => ({
    db: database.db,
    frameworks,
    reference: loadNationalReference(),
    publishedMeans,
    suggestedMeasures: content.measures,
    agencies: 40,
    responsesPerYear: 2400,
    years: 2,
    seed: 2568,
    lastFiscalYear: 2568,
  });
  let database: Database;
  let report: Awaited<ReturnType<typeof generateNationalDemo>>;
  const phases = new Set<string>();

  beforeAll(async () => {
    database = await fresh();
    report = await generateNationalDemo({
      ...options(database),
      onProgress: (p) => phases.add(p.phase),
    });
  });
  afterAll(async () => {
    for (const d of databases) await d.close();
  });

  const count = async (query: ReturnType<typeof sql>) =>
    (await queryRows<{ n: number }>(database.db, query))[0]?.n;

  it("stores every agency, response and verdict it reports, with progress by phase", async () => {
    expect(report.agencies).toBe(40);
    expect(report.fiscalYears).toEqual([2567, 2568]);
    expect(report.responses).toBe(4800);
    expect(await count(sql`select count(*)::int as n from agencies`)).toBe(40);
    expect(await count(sql`select count(*)::int as n from survey_responses`)).toBe(4800);
    expect(await count(sql`select count(*)::int as n from oit_verdicts`)).toBe(report.verdicts);
    expect([...phases]).toEqual(["agencies", "responses", "verdicts", "measures", "results"]);
  });

  it("keeps tallies that a rebuild from the responses agrees with", async () => {
    const check = await rebuildTallies(database.db, { write: false });
    expect(check.rows).toBe(40 * 2 * 2);
    expect(check.differences).toEqual([]);
  });

  it("scores every assessment from its tallies and verdicts, near the published national mean", async () => {
    expect(report.results.scored).toBe(80);
    expect(report.results.skipped).toEqual([]);
    const [year] = await queryRows<{ mean: number; n: number }>(
      database.db,
      sql`select avg(r.computed_overall)::float8 as mean, count(*)::int as n from results r
          join assessments a on a.agency_id = r.agency_id and a.id = r.assessment_id
          where a.fiscal_year = 2568`,
    );
    expect(year?.n).toBe(40);
    // 93.82 published for 2568; forty agencies sample it loosely.
    expect(Math.abs((year?.mean ?? 0) - 93.82)).toBeLessThan(4);
  });

  it("rescoring again changes nothing, and leaves official results alone", async () => {
    const before = await queryRows<{ id: string; overall: number }>(
      database.db,
      sql`select assessment_id as id, computed_overall as overall from results order by 1`,
    );
    const [official] = before;
    await database.db.execute(
      sql`update results set source = 'imported', computed_overall = 50 where assessment_id = ${official?.id}`,
    );
    const again = await rescoreResults({ db: database.db, frameworks, actor: "test" });
    expect(again.scored).toBe(79);
    expect(again.skipped.map((s) => s.assessmentId)).toEqual([official?.id]);
    const after = await queryRows<{ id: string; overall: number }>(
      database.db,
      sql`select assessment_id as id, computed_overall as overall from results order by 1`,
    );
    expect(after).toEqual(before.map((r) => (r.id === official?.id ? { ...r, overall: 50 } : r)));
  });

  it("gives every agency of the later year measures its document can be built from", async () => {
    expect(report.measures).toBeGreaterThanOrEqual(40);
    // FY2568 is over by the clock of these tests: most of its measures are done, a few are not.
    const [done] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from measures where status = 'done' and progress = 100`,
    );
    expect(done?.n).toBeGreaterThan(report.measures * 0.8);
    const later = await queryRows<{ agency_id: string; id: string; fiscal_year: number }>(
      database.db,
      sql`select agency_id, id, fiscal_year from assessments order by fiscal_year, agency_id`,
    );
    for (const a of later) {
      const count = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from measures where agency_id = ${a.agency_id} and assessment_id = ${a.id}`,
      );
      if (a.fiscal_year === 2567) {
        expect(count[0]?.n).toBe(0);
        continue;
      }
      const { input } = await loadMeasuresInput({
        db: database.db,
        frameworks,
        agencyId: a.agency_id,
        assessmentId: a.id,
      });
      expect(input.results.fiscalYear).toBe(2567);
      expect(input.measures.length).toBeGreaterThanOrEqual(1);
      expect(input.measures.length).toBeLessThanOrEqual(3);
    }
  });

  it("is refused once the demo is there, and the same seed makes the same country", async () => {
    await expect(generateNationalDemo(options(database))).rejects.toBeInstanceOf(DomainError);
    const twin = await fresh();
    await generateNationalDemo(options(twin));
    const fingerprint = (d: Database) =>
      queryRows<{ name: string; province: string; respondents: number }>(
        d.db,
        sql`select g.name, g.province, sum(t.respondents)::int as respondents
              from agencies g join survey_tallies t on t.agency_id = g.id
             group by g.id, g.name, g.province order by g.id`,
      );
    expect(await fingerprint(twin)).toEqual(await fingerprint(database));
  });
});
