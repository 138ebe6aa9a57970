import { availableParallelism } from "node:os";
import { openDatabase } from "../src/server/db/database.ts";
import { freePort, serve, whenReady } from "../src/server/test-process.ts";
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from "../src/shared/limits.ts";
import { seedBenchWorld } from "./api-seed.ts";
import { benchDatabase, median } from "./bench-tools.ts";
import { drive, httpClient, type LoadResult } from "./load-driver.ts";

// The API under load on PostgreSQL: the agency dashboard read and a measure update, each at 50
// concurrent connections against `prongsai serve` as a separate process. Progress goes to stderr;
// the last stdout line is one JSON object with the median of the rounds.
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
// As deployed on this machine: one server process per core (BENCH_WORKERS to change it).
const workers = Number(process.env.BENCH_WORKERS ?? availableParallelism());
const log = (line: string) => process.stderr.write(`${line}\n`);

const { url: benchUrl, cluster } = await benchDatabase("bench", {
  durable: process.env.BENCH_FSYNC !== "off",
});
const url = new URL(benchUrl);

log("seeding…");
const database = await openDatabase({ url: url.href });
await database.migrate();
const world = await seedBenchWorld({
  db: database.db,
  agencies: Number(process.env.BENCH_AGENCIES ?? 2000),
  measuresPerAgency: 10,
  ownMeasures: connections,
  spreadAgencies: connections,
});
await database.close();

const port = await freePort();
const server = serve(
  {
    DATABASE_URL: url.href,
    PORT: String(port),
    LOG_LEVEL: "error",
    WORKERS: String(workers),
  },
  // BENCH_PROFILE=DIR writes a CPU profile of the server there, for finding where time goes.
  process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [],
);
try {
  await whenReady(port);
  const base = `http://127.0.0.1:${port}`;
  const signIn = async (email: string) => {
    const login = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: world.password }),
    });
    if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    const cookies = new Map(
      login.headers.getSetCookie().map((c) => {
        const [pair = ""] = c.split(";");
        const at = pair.indexOf("=");
        return [pair.slice(0, at), pair.slice(at + 1)] as const;
      }),
    );
    const csrf = cookies.get(CSRF_COOKIE) ?? "";
    return {
      cookie: `${SESSION_COOKIE}=${cookies.get(SESSION_COOKIE)}; ${CSRF_COOKIE}=${csrf}`,
      [CSRF_HEADER]: csrf,
    };
  };
  const headers = await signIn(world.email);
  const nationalHeaders = await signIn(world.nationalEmail);

  const run = async (label: string, round: () => Promise<LoadResult>) => {
    const figures: LoadResult[] = [];
    for (let r = 0; r <= rounds; r++) {
      const result = await round();
      if (result.failures > 0)
        throw new Error(
          `${label}: ${result.failures} failed requests, e.g. ${result.firstFailure}`,
        );
      // The first round warms the server and the database; it is not counted.
      if (r > 0) figures.push(result);
      log(
        `${label} round ${r}: ${Math.round(result.rps)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms`,
      );
    }
    return {
      rps: Math.round(median(figures.map((f) => f.rps))),
      p99: median(figures.map((f) => f.p99)),
    };
  };

  const client = httpClient(base, connections);
  const dashboardUrl = `/api/agencies/${world.agencyId}/dashboard`;
  // BENCH_ONLY=update (or dashboard) runs one of the two, e.g. while profiling.
  const only = process.env.BENCH_ONLY;
  const skipped = async () => ({ rps: 0, p99: 0 });
  const dashboard = await (only === "update"
    ? skipped()
    : run("dashboard", () =>
        drive({
          users: connections,
          seconds,
          state: () => undefined,
          send: () => client(dashboardUrl, { headers }),
        }),
      ));

  // Each virtual user updates a measure of its own, sending the version it last read. By default
  // the 50 users work in 50 agencies, as coordinators across the country do; BENCH_UPDATE=one-agency
  // puts them all in one agency, the worst case, where every change waits for the agency's audit
  // chain (ADR 0007).
  const oneAgency = process.env.BENCH_UPDATE === "one-agency";
  const targets = oneAgency
    ? world.measureIds.map((measureId) => ({
        agencyId: world.agencyId,
        assessmentId: world.assessmentId,
        measureId,
      }))
    : world.spread;
  const updateHeaders = oneAgency ? headers : nationalHeaders;
  const measureUrl = (t: (typeof targets)[number]) =>
    `/api/agencies/${t.agencyId}/assessments/${t.assessmentId}/measures/${t.measureId}`;
  const update = await (only === "dashboard"
    ? skipped()
    : run("update", async () => {
        const held = await Promise.all(
          targets.slice(0, connections).map(async (t) => {
            const current = JSON.parse(
              (await client(measureUrl(t), { headers: updateHeaders })).body,
            ) as { version: number; progress: number };
            return { url: measureUrl(t), version: current.version, progress: current.progress };
          }),
        );
        return drive({
          users: connections,
          seconds,
          state: (user) => held[user] ?? { url: "", version: 0, progress: 0 },
          send: (state) => {
            state.progress = (state.progress + 1) % 100;
            return client(state.url, {
              method: "PATCH",
              headers: { ...updateHeaders, "content-type": "application/json" },
              body: JSON.stringify({ version: state.version, progress: state.progress }),
            });
          },
          onOk: (state, answer) => {
            state.version = (JSON.parse(answer.body) as { version: number }).version;
          },
        });
      }));

  process.stdout.write(
    `${JSON.stringify({
      dashboard_rps: dashboard.rps,
      dashboard_p99_ms: dashboard.p99,
      update_rps: update.rps,
      update_p99_ms: update.p99,
      connections,
      workers,
    })}\n`,
  );
} finally {
  server.child.kill("SIGTERM");
  await server.exited;
  await cluster?.stop();
}
