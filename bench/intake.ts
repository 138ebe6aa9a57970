import { randomUUID } from "node:crypto";
import { availableParallelism } from "node:os";
import { sql } from "drizzle-orm";
import pg from "pg";
import { loadFrameworks } from "../src/domain/framework/load-frameworks.ts";
import { sampleAnswers } from "../src/domain/survey/sample-answers.ts";
import { openDatabase, queryRows } from "../src/server/db/database.ts";
import { ensureTallyLayouts } from "../src/server/services/survey-tally-rows.ts";
import { freePort, serve, whenReady } from "../src/server/test-process.ts";
import { benchDatabase, median } from "./bench-tools.ts";
import { drive, httpClient, type LoadResult } from "./load-driver.ts";

// Survey intake under load on a durable PostgreSQL server: respondents of many agencies submit
// through the respondent API of `prongsai serve` (a separate process), against the floor of plain
// single-row inserts of the same payload into the same server, in the same run. Progress goes to
// stderr; the last stdout line is one JSON object with the medians of the rounds.
const connections = Number(process.env.BENCH_CONNECTIONS ?? 64);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const agencies = Number(process.env.BENCH_AGENCIES ?? 500);
// As deployed on this machine: one server process per core (BENCH_WORKERS to change it).
const workers = Number(process.env.BENCH_WORKERS ?? availableParallelism());
const log = (line: string) => process.stderr.write(`${line}\n`);

const framework = loadFrameworks().get("ita-2567");
if (!framework) throw new Error("the ita-2567 framework is not loaded");
const { url: benchUrl, cluster } = await benchDatabase("bench_intake", { durable: true });
const url = new URL(benchUrl);

log(`seeding ${agencies} agencies with open IIT and EIT links…`);
const database = await openDatabase({ url: url.href });
await database.migrate();
await ensureTallyLayouts(database.db, framework);
await database.db.execute(sql`
  insert into agencies (name, type, province, district, website, head_position, divisions)
  select 'เทศบาลตำบลทดสอบ ' || g, 'เทศบาลตำบล', 'เชียงราย', 'เมืองเชียงราย',
    'https://agency-' || g || '.go.th', 'นายกเทศมนตรี', '["สำนักปลัด"]'::jsonb
  from generate_series(1, ${agencies}) g`);
await database.db.execute(sql`
  insert into assessments (agency_id, fiscal_year, framework_id) select id, 2567, 'ita-2567' from agencies`);
await database.db.execute(sql`
  insert into surveys (agency_id, assessment_id, tool, token, access, opens_on, closes_on)
  select a.agency_id, a.id, t, lower(t) || 'bench' || row_number() over (), 'open', '2000-01-01', '2999-12-31'
  from assessments a, (values ('IIT'), ('EIT')) v(t)`);
// The floor: a table shaped like the responses, written one row per statement.
await database.db.execute(sql`create table bench_baseline (like survey_responses including all)`);
const links = await queryRows<{
  agency_id: string;
  assessment_id: string;
  tool: string;
  token: string;
}>(database.db, sql`select agency_id, assessment_id, tool, token from surveys`);
await database.close();

const payloads = ["IIT", "EIT"].map((tool) => ({
  tool,
  answers: Array.from({ length: 8 }, (_, k) =>
    sampleAnswers(framework, tool, (n) => (k * 7 + n) % n),
  ),
}));
const pickLink = () => links[Math.floor(Math.random() * links.length)] ?? links[0];
const answersFor = (tool: string) => {
  const set = payloads.find((p) => p.tool === tool)?.answers ?? [];
  return set[Math.floor(Math.random() * set.length)] ?? {};
};

const run = async (label: string, round: () => Promise<LoadResult>) => {
  const figures: LoadResult[] = [];
  for (let r = 0; r <= rounds; r++) {
    const result = await round();
    if (result.failures > 0)
      throw new Error(`${label}: ${result.failures} failed, e.g. ${result.firstFailure}`);
    // The first round warms the server and the database; it is not counted.
    if (r > 0) figures.push(result);
    log(
      `${label} round ${r}: ${Math.round(result.rps)}/s, p50 ${result.p50} ms, p99 ${result.p99} ms`,
    );
  }
  return {
    rps: Math.round(median(figures.map((f) => f.rps))),
    p99: median(figures.map((f) => f.p99)),
  };
};

const pool = new pg.Pool({ connectionString: url.href, max: connections });
const baseline = await run("baseline inserts", () =>
  drive({
    users: connections,
    seconds,
    state: () => undefined,
    send: async () => {
      const link = pickLink();
      if (!link) throw new Error("no survey links");
      await pool.query(
        `insert into bench_baseline (agency_id, assessment_id, tool, channel, answers, submitted_on, idempotency_key)
         values ($1, $2, $3, 'link', $4, current_date, $5)`,
        [
          link.agency_id,
          link.assessment_id,
          link.tool,
          JSON.stringify(answersFor(link.tool)),
          randomUUID(),
        ],
      );
      return { status: 204, body: "" };
    },
  }),
);
await pool.end();

const port = await freePort();
const server = serve(
  {
    DATABASE_URL: url.href,
    PORT: String(port),
    LOG_LEVEL: "error",
    SURVEY_RATE_PER_MINUTE: "100000000",
    WORKERS: String(workers),
  },
  // BENCH_PROFILE=DIR writes a CPU profile of the server there, for finding where time goes.
  process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [],
);
try {
  await whenReady(port);
  const client = httpClient(`http://127.0.0.1:${port}`, connections);
  const intake = await run("survey responses", () =>
    drive({
      users: connections,
      seconds,
      state: () => undefined,
      send: () => {
        const link = pickLink();
        return client(`/api/surveys/${link?.tool.toLowerCase()}/${link?.token}/responses`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            answers: answersFor(link?.tool ?? ""),
            idempotencyKey: randomUUID(),
          }),
        });
      },
    }),
  );
  process.stdout.write(
    `${JSON.stringify({
      responses_per_s: intake.rps,
      p99_ms: intake.p99,
      baseline_inserts_per_s: baseline.rps,
      ratio: Math.round((intake.rps / baseline.rps) * 100) / 100,
      connections,
      agencies,
      workers,
    })}\n`,
  );
} finally {
  server.child.kill("SIGTERM");
  await server.exited;
  await cluster?.stop();
}
