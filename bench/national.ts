import { sql } from "drizzle-orm";
import { loadContent } from "../src/domain/content/load-content.ts";
import { loadNationalReference } from "../src/domain/content/national-reference.ts";
import { loadFrameworks } from "../src/domain/framework/load-frameworks.ts";
import { openDatabase, queryRows } from "../src/server/db/database.ts";
import { generateBulkDocuments } from "../src/server/services/generate-bulk-documents.ts";
import { generateNationalDemo } from "../src/server/services/generate-national-demo.ts";
import { rebuildTallies } from "../src/server/services/rebuild-tallies.ts";
import { rescoreResults } from "../src/server/services/rescore-results.ts";
import { benchDatabase, median } from "./bench-tools.ts";
import { measureNationalDashboard } from "./national-dashboard.ts";

// The national data set on a durable PostgreSQL server: generate every agency's year(s), then time
// rescoring every result from the stored tallies and verdicts, rebuilding every tally from the raw
// responses, and, as the floor, one hand-written aggregate of the same responses per agency and
// question. Progress goes to stderr; the last stdout line is one JSON object (medians of rounds).
const agencies = Number(process.env.BENCH_AGENCIES ?? 8300);
const responsesPerYear = Number(process.env.BENCH_RESPONSES ?? 1_350_000);
const years = Number(process.env.BENCH_YEARS ?? 2);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const log = (line: string) => process.stderr.write(`${line}\n`);
const timed = async (work: () => Promise<unknown>) => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};

const { url: benchUrl, cluster } = await benchDatabase("bench_national", { durable: true });
const url = new URL(benchUrl);

const frameworks = loadFrameworks();
const database = await openDatabase({ url: url.href });

/**
 * Every agency's document of the year, interrupted after BENCH_BULK_STOP documents (the run's
 * own stop signal) and then resumed: the resumed run must skip what was done and build the rest.
 */
async function bulkDocuments(fiscalYear: number) {
  const stopAt = Number(process.env.BENCH_BULK_STOP ?? 300);
  const controller = new AbortController();
  const first = await generateBulkDocuments({
    db: database.db,
    frameworks,
    fiscalYear,
    signal: controller.signal,
    onProgress: (p) => {
      if (p.built >= stopAt) controller.abort();
    },
  });
  log(`bulk documents: stopped after ${first.built} of ${first.total}; resuming…`);
  let logged = 0;
  const start = performance.now();
  const resumed = await generateBulkDocuments({
    db: database.db,
    frameworks,
    fiscalYear,
    onProgress: (p) => {
      if (p.done - logged < 1000) return;
      logged = p.done;
      log(`  ${p.done}/${p.total} (${p.built} built, ${p.skipped} skipped)`);
    },
  });
  const seconds = (performance.now() - start) / 1000;
  return {
    bulk_agencies: resumed.total,
    bulk_built_before_stop: first.built,
    bulk_skipped_on_resume: resumed.skipped,
    bulk_built_on_resume: resumed.built,
    bulk_incomplete: resumed.incomplete,
    bulk_failed: resumed.failed,
    bulk_docs_per_s: Math.round((resumed.built / seconds) * 10) / 10,
  };
}
try {
  await database.migrate();
  const content = loadContent();
  log(`generating ${agencies} agencies × ${years} years, ${responsesPerYear} responses a year…`);
  let shown = 0;
  const generateMs = await timed(() =>
    generateNationalDemo({
      db: database.db,
      frameworks,
      reference: loadNationalReference(),
      suggestedMeasures: content.measures,
      publishedMeans: new Map(
        Object.entries(content.national.years).map(([fy, y]) => [Number(fy), y.nationalMean]),
      ),
      agencies,
      responsesPerYear,
      years,
      seed: 2568,
      onProgress: (p) => {
        if (p.done - shown < 200_000 && p.phase === "responses") return;
        shown = p.done;
        log(`  ${p.phase} ${p.fiscalYear ?? ""} ${p.done}/${p.total}`);
      },
    }),
  );
  await database.db.execute(sql`vacuum analyze`);
  const [counts] = await queryRows<{ agencies: number; responses: number; assessments: number }>(
    database.db,
    sql`select (select count(*)::int from agencies) as agencies,
               (select count(*)::int from survey_responses) as responses,
               (select count(*)::int from assessments) as assessments`,
  );
  log(`generated in ${Math.round(generateMs / 1000)} s: ${JSON.stringify(counts)}`);

  const [{ latest = 0 } = {}] = await queryRows<{ latest: number }>(
    database.db,
    sql`select max(fiscal_year)::int as latest from assessments`,
  );
  const rescore: number[] = [];
  const rebuild: number[] = [];
  const baseline: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // Every result of the year must really change: the worst case, every row written again.
    await database.db.execute(
      sql`update results set computed_overall = -1 where (agency_id, assessment_id) in
            (select agency_id, id from assessments where fiscal_year = ${latest})`,
    );
    rescore.push(
      await timed(() =>
        rescoreResults({ db: database.db, frameworks, actor: "bench", fiscalYear: latest }),
      ),
    );
    // The floor: the same responses counted per agency, survey and answer, nothing else.
    baseline.push(
      await timed(() =>
        database.db.execute(sql`
          select r.agency_id, r.assessment_id, r.tool, e.key, e.value, count(*)
            from survey_responses r, jsonb_each_text(r.answers) e
           group by 1, 2, 3, 4, 5`),
      ),
    );
    let differences = -1;
    rebuild.push(
      await timed(async () => {
        differences = (await rebuildTallies(database.db, { write: true })).differences.length;
      }),
    );
    if (differences !== 0) throw new Error(`the rebuild found ${differences} differences`);
    log(
      `round ${r + 1}: rescore ${Math.round(rescore.at(-1) ?? 0)} ms, rebuild ${Math.round(rebuild.at(-1) ?? 0)} ms, baseline ${Math.round(baseline.at(-1) ?? 0)} ms`,
    );
  }
  const bulk = process.env.BENCH_BULK === "off" ? {} : await bulkDocuments(latest);
  // The rounds and the documents leave dead rows that autovacuum would clean while the pages load.
  await database.db.execute(sql`vacuum analyze`);
  const dashboard = await measureNationalDashboard(url.href, latest, log);
  const figures = {
    agencies: counts?.agencies,
    responses: counts?.responses,
    assessments: counts?.assessments,
    rescored_year: latest,
    generate_s: Math.round(generateMs / 1000),
    rescore_ms: Math.round(median(rescore)),
    rebuild_ms: Math.round(median(rebuild)),
    baseline_ms: Math.round(median(baseline)),
    ratio: Math.round((median(rebuild) / median(baseline)) * 100) / 100,
    ...bulk,
    ...dashboard,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} finally {
  await database.close();
  await cluster?.stop();
}
