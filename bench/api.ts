import autocannon from "autocannon";
import pg from "pg";
import { startThrowawayPostgres } from "../scripts/throwaway-postgres.ts";
import { openDatabase } from "../src/server/db/database.ts";
import { freePort, serve, whenReady } from "../src/server/test-process.ts";
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from "../src/shared/limits.ts";
import { seedBenchWorld } from "./api-seed.ts";

// The API under load on PostgreSQL: the agency dashboard read and a measure update, each at 50
// concurrent connections against `prongsai serve` as a separate process. Progress goes to stderr;
// the last stdout line is one JSON object with the median of the rounds.
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const log = (line: string) => process.stderr.write(`${line}\n`);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

// A durable cluster (fsync on) unless DATABASE_URL names a server to use.
const cluster = process.env.DATABASE_URL
  ? undefined
  : await startThrowawayPostgres({ durable: true });
const adminUrl = new URL(process.env.DATABASE_URL ?? cluster?.url ?? "");
const name = `bench_${Date.now()}`;
const admin = new pg.Client({ connectionString: adminUrl.href });
await admin.connect();
await admin.query(`create database ${name}`);
await admin.end();
const url = new URL(adminUrl);
url.pathname = `/${name}`;

log("seeding…");
const database = await openDatabase({ url: url.href });
await database.migrate();
const world = await seedBenchWorld({
  db: database.db,
  agencies: Number(process.env.BENCH_AGENCIES ?? 2000),
  measuresPerAgency: 10,
  ownMeasures: connections,
});
await database.close();

const port = await freePort();
const server = serve({ DATABASE_URL: url.href, PORT: String(port), LOG_LEVEL: "error" });
try {
  await whenReady(port);
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: world.email, password: world.password }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const cookies = new Map(
    login.headers.getSetCookie().map((c) => {
      const [pair = ""] = c.split(";");
      const at = pair.indexOf("=");
      return [pair.slice(0, at), pair.slice(at + 1)] as const;
    }),
  );
  const cookie = `${SESSION_COOKIE}=${cookies.get(SESSION_COOKIE)}; ${CSRF_COOKIE}=${cookies.get(CSRF_COOKIE)}`;
  const headers = { cookie, [CSRF_HEADER]: cookies.get(CSRF_COOKIE) ?? "" };

  const run = async (label: string, options: autocannon.Options) => {
    const figures: { rps: number; p99: number }[] = [];
    for (let round = 0; round <= rounds; round++) {
      const result = await autocannon({ connections, duration: seconds, ...options });
      const bad = result.non2xx + result.errors;
      if (bad > 0) throw new Error(`${label}: ${bad} failed requests of ${result.requests.total}`);
      // The first round warms the server and the database; it is not counted.
      if (round > 0) figures.push({ rps: result.requests.average, p99: result.latency.p99 });
      log(
        `${label} round ${round}: ${result.requests.average} req/s, p99 ${result.latency.p99} ms`,
      );
    }
    return {
      rps: Math.round(median(figures.map((f) => f.rps))),
      p99: median(figures.map((f) => f.p99)),
    };
  };

  const dashboard = await run("dashboard", {
    url: `${base}/api/agencies/${world.agencyId}/dashboard`,
    headers,
  });

  // Each connection updates its own measure and sends back the version it last read.
  const measureUrl = (id: string) =>
    `/api/agencies/${world.agencyId}/assessments/${world.assessmentId}/measures/${id}`;
  let nextMeasure = 0;
  const update = await run("update", {
    url: base,
    headers: { ...headers, "content-type": "application/json" },
    initialContext: {},
    requests: [
      {
        method: "PATCH",
        setupRequest: (request, context) => {
          const state = context as { id?: string; version?: number; progress?: number };
          state.id ??= world.measureIds[nextMeasure++ % world.measureIds.length];
          state.version ??= 1;
          state.progress = ((state.progress ?? 0) + 1) % 100;
          return {
            ...request,
            path: measureUrl(state.id ?? ""),
            body: JSON.stringify({ version: state.version, progress: state.progress }),
          };
        },
        onResponse: (status, body, context) => {
          if (status === 200) (context as { version?: number }).version = JSON.parse(body).version;
        },
      },
    ],
  });

  process.stdout.write(
    `${JSON.stringify({
      dashboard_rps: dashboard.rps,
      dashboard_p99_ms: dashboard.p99,
      update_rps: update.rps,
      update_p99_ms: update.p99,
    })}\n`,
  );
} finally {
  server.child.kill("SIGTERM");
  await server.exited;
  await cluster?.stop();
}
