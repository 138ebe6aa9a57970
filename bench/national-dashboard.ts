import { randomBytes } from "node:crypto";
import { chromium } from "playwright-core";
import { build } from "vite";
import { CHROMIUM_ARGS } from "../src/documents/pdf/chromium-args.ts";
import { findChromium } from "../src/documents/pdf/find-chromium.ts";
import { openDatabase } from "../src/server/db/database.ts";
import { NATIONAL_SCOPE } from "../src/server/db/schema.ts";
import { createUser } from "../src/server/services/create-user.ts";
import { freePort, serve, whenReady } from "../src/server/test-process.ts";
import { median } from "./bench-tools.ts";

const runs = Number(process.env.BENCH_RENDERS ?? 5);

/**
 * Runs in the page: the first render is when the headline figure was painted, as the browser's
 * Element Timing reports it (the page marks it with `elementtiming`), and the agency list's first
 * link is in the document (it is below the fold, where Element Timing does not look). It tells
 * the bench through the console, so no test-runner script runs in the page while it loads. Plain
 * text, because the bench's compiler may wrap functions in helpers the page lacks.
 */
const firstRenderProbe = `
  let headline = 0;
  let list = 0;
  const done = () => {
    if (headline && list) console.debug("first-render", Math.max(headline, list));
  };
  new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries())
      if (entry.identifier === "national-headline") headline = entry.renderTime;
    done();
  }).observe({ type: "element", buffered: true });
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[elementtiming="national-list"]')) return;
    observer.disconnect();
    list = performance.now();
    done();
  });
  observer.observe(document, { childList: true, subtree: true });
`;

/**
 * The national dashboard's first render over the whole data set: `prongsai serve` on the bench's
 * database, a national administrator signed in, and a fresh browser context per run (cold cache)
 * timed from navigation until the headline tiles and the agency list are painted.
 */
export async function measureNationalDashboard(
  url: string,
  fiscalYear: number,
  log: (line: string) => void,
): Promise<{ national_dashboard_first_render_ms: number; national_api_ms: number }> {
  log("building the admin app…");
  await build({ configFile: "vite.config.ts", logLevel: "warn" });
  const email = "national-bench@example.go.th";
  const password = randomBytes(18).toString("base64url");
  const database = await openDatabase({ url });
  try {
    await createUser({
      db: database.db,
      actor: "bench",
      email,
      displayName: "ผู้ดูแลระดับประเทศ",
      password,
      memberships: [{ agencyId: NATIONAL_SCOPE, role: "national_admin" }],
    });
  } finally {
    await database.close();
  }
  const port = await freePort();
  const server = serve({ DATABASE_URL: url, PORT: String(port), LOG_LEVEL: "warn" });
  const browser = await chromium.launch({
    executablePath: findChromium(process.env.CHROMIUM_PATH),
    args: CHROMIUM_ARGS,
  });
  try {
    await whenReady(port, 120);
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    const cookies = login.headers.getSetCookie().map((c) => {
      const [pair = ""] = c.split(";");
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base };
    });
    const cookieHeader = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const api: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const response = await fetch(`${base}/api/national/overview?fiscalYear=${fiscalYear}`, {
        headers: { cookie: cookieHeader },
      });
      if (!response.ok) throw new Error(`the overview answered ${response.status}`);
      await response.arrayBuffer();
      api.push(performance.now() - start);
    }
    log(`overview API: ${api.map(Math.round).join(", ")} ms`);
    const renders: number[] = [];
    // One load first, not counted: it warms the server's paths for the app's files, as the API's
    // requests above warmed the overview; each counted load is still a browser without a cache.
    for (let i = -1; i < runs; i++) {
      const context = await browser.newContext({ locale: "th-TH" });
      await context.addCookies(cookies);
      const page = await context.newPage();
      await page.addInitScript({ content: firstRenderProbe });
      const rendered = page.waitForEvent("console", {
        predicate: (message) => message.text().startsWith("first-render"),
        timeout: 30_000,
      });
      await page.goto(`${base}/national?fiscalYear=${fiscalYear}`, { waitUntil: "commit" });
      const firstRender = Number((await rendered).text().split(" ")[1]);
      if (i >= 0) renders.push(firstRender);
      // BENCH_TRACE=1 shows where the first run's time went, request by request.
      if (process.env.BENCH_TRACE && i === 0)
        for (const entry of await page.evaluate(() =>
          performance
            .getEntriesByType("resource")
            .map(
              (e) =>
                `${Math.round(e.startTime)}–${Math.round((e as PerformanceResourceTiming).responseEnd)} ms ${e.name}`,
            ),
        ))
          log(`  ${entry}`);
      await context.close();
    }
    log(`national dashboard first render: ${renders.map(Math.round).join(", ")} ms`);
    return {
      national_dashboard_first_render_ms: Math.round(median(renders)),
      national_api_ms: Math.round(median(api)),
    };
  } finally {
    await browser.close();
    server.child.kill("SIGTERM");
    await server.exited;
  }
}
