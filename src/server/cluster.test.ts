import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { Pool } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFrameworks } from "../domain/framework/load-frameworks.ts";
import { sampleAnswers } from "../domain/survey/sample-answers.ts";
import { freshPostgresUrl } from "./test-databases.ts";
import { freePort, type ServerProcess, serve, whenReady } from "./test-process.ts";

/** How many established connections to `port` each process holds, by process id. */
const connectionsByPid = (port: number) => {
  const lines = execFileSync("ss", ["-Htnp", "state", "established", `( sport = :${port} )`], {
    encoding: "utf8",
  });
  const counts = new Map<string, number>();
  for (const [, pid = ""] of lines.matchAll(/pid=(\d+)/g))
    counts.set(pid, (counts.get(pid) ?? 0) + 1);
  return counts;
};

/** The process ids of a primary's workers: its children that run the server (not, e.g., esbuild). */
const childrenOf = (pid: number | undefined) =>
  execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(pid)], { encoding: "utf8" })
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.includes("prongsai"))
    .map((line) => line.split(/\s+/)[0] ?? "");

describe("prongsai serve --workers", () => {
  let url: string;
  let port: number;
  let server: ServerProcess;
  const client = () => new pg.Client({ connectionString: url });
  beforeAll(async () => {
    url = await freshPostgresUrl();
    port = await freePort();
    server = serve({
      DATABASE_URL: url,
      PORT: String(port),
      HOST: "127.0.0.1",
      WORKERS: "2",
      SURVEY_RATE_PER_MINUTE: "100000",
    });
    await whenReady(port);
  });
  afterAll(async () => {
    if (server.child.exitCode === null) server.child.kill("SIGKILL");
  });

  it("is ready only once every worker listens, so the first kept-alive connections reach all", async () => {
    // Opened right after readiness, as a load balancer or a load test does.
    const pool = new Pool(`http://127.0.0.1:${port}`, { connections: 20 });
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        pool.request({ path: "/readyz", method: "GET" }).then(async (r) => {
          await r.body.dump();
          return r.statusCode;
        }),
      ),
    );
    expect(answers.every((status) => status === 200)).toBe(true);
    const held = connectionsByPid(port);
    await pool.close();
    const workers = childrenOf(server.child.pid);
    expect(workers).toHaveLength(2);
    for (const pid of workers) expect(held.get(pid) ?? 0).toBeGreaterThanOrEqual(3);
  });

  it("runs two workers behind one port, the demo seeded once by the primary", async () => {
    expect(childrenOf(server.child.pid)).toHaveLength(2);
    const seeded = server.stdout().match(/coordinator@huaisak\.local/g) ?? [];
    expect(seeded).toHaveLength(1);
  });

  it("counts a burst across all workers, in the primary's one watch", async () => {
    const token = /"EIT":"\/go\/eit\/([a-z0-9]+)"/.exec(server.stdout())?.[1];
    if (!token) throw new Error("the demo's EIT link was not printed");
    const db = client();
    await db.connect();
    const { rows } = await db.query<{ framework_id: string }>(
      "select a.framework_id from surveys s join assessments a on a.id = s.assessment_id where s.token = $1",
      [token],
    );
    const framework = loadFrameworks().get(rows[0]?.framework_id ?? "");
    if (!framework) throw new Error("the demo survey's framework is not loaded");
    const submissions = framework.surveys.integrity.burstMinimum + 10;
    // Separate connections (no keep-alive), so the kernel spreads them over both workers.
    const statuses = await Promise.all(
      Array.from({ length: submissions }, async (_, i) => {
        const response = await fetch(
          `http://127.0.0.1:${port}/api/surveys/eit/${token}/responses`,
          {
            method: "POST",
            headers: { "content-type": "application/json", connection: "close" },
            body: JSON.stringify({
              answers: sampleAnswers(framework, "EIT", (n) => i % n),
              idempotencyKey: randomUUID(),
            }),
          },
        );
        return response.status;
      }),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(submissions);
    // The primary writes peaks a few times a second; wait for the last one.
    let peak = 0;
    for (let i = 0; i < 50 && peak < submissions; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const flags = await db.query<{ peak: number }>(
        "select peak from survey_flags where kind = 'burst' and tool = 'EIT'",
      );
      peak = flags.rows[0]?.peak ?? 0;
    }
    await db.end();
    expect(peak).toBe(submissions);
  });

  it("stops every worker on SIGTERM and exits cleanly", async () => {
    const workers = childrenOf(server.child.pid);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    for (const pid of workers) expect(() => process.kill(Number(pid), 0)).toThrow();
  });
});
