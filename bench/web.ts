import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { CHROMIUM_ARGS } from "../src/documents/pdf/chromium-args.ts";
import { findChromium } from "../src/documents/pdf/find-chromium.ts";
import { freePort, serve, whenReady } from "../src/server/test-process.ts";
import { median } from "./bench-tools.ts";

// What a reader downloads and waits for: the public transparency page's transfer before fonts,
// the admin app's JavaScript up to the first dashboard, and the dashboard's first render, in the
// system Chromium against `prongsai serve` on a fresh demo database. The last stdout line is JSON.
const runs = Number(process.env.BENCH_RUNS ?? 7);
const log = (line: string) => process.stderr.write(`${line}\n`);
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

interface Transfer {
  url: string;
  type: string;
  bytes: number;
}

/** Every resource the page fetched with its bytes on the wire (compressed when it was). */
async function transfers(page: Page): Promise<Transfer[]> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
    return [...nav, ...resources].map((e) => ({
      url: e.name,
      type: e.initiatorType,
      bytes: e.encodedBodySize,
    }));
  });
}

log("building the admin app…");
await build({ configFile: "vite.config.ts", logLevel: "warn" });
const dataDir = mkdtempSync(join(tmpdir(), "prongsai-bench-web-"));
const port = await freePort();
const server = serve({
  PORT: String(port),
  HOST: "127.0.0.1",
  DATA_DIR: dataDir,
  LOG_LEVEL: "warn",
});
let browser: Browser | undefined;
try {
  await whenReady(port, 120);
  const base = `http://127.0.0.1:${port}`;
  const line = server
    .stdout()
    .split("\n")
    .find((l) => l.includes("demoAccounts"));
  const accounts =
    (
      JSON.parse(line ?? "{}") as {
        demoAccounts?: { email: string; password: string; role: string }[];
      }
    ).demoAccounts ?? [];
  const coordinator = accounts.find((a) => a.role === "agency_admin");
  if (!coordinator) throw new Error("the demo coordinator was not logged");
  browser = await chromium.launch({
    executablePath: findChromium(process.env.CHROMIUM_PATH),
    args: CHROMIUM_ARGS,
  });

  // Sign in once through the API; each run then starts a fresh context (cold cache) with the cookies.
  const login = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: coordinator.email, password: coordinator.password }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status}`);
  const cookies = login.headers.getSetCookie().map((c) => {
    const [pair = ""] = c.split(";");
    const at = pair.indexOf("=");
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base };
  });
  const dashboard = (await (
    await fetch(`${base}/api/agencies`, {
      headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") },
    })
  ).json()) as { id: string }[];
  const agencyId = dashboard[0]?.id ?? "";

  log("measuring the dashboard's first render…");
  const renders: number[] = [];
  let adminJs = 0;
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ locale: "th-TH" });
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto(`${base}/agencies/${agencyId}/2566`, { waitUntil: "commit" });
    // First render: the year's heading and the measures card are on screen.
    await page.getByRole("heading", { name: "มาตรการของปีนี้" }).waitFor();
    renders.push(await page.evaluate(() => performance.now()));
    const js = (await transfers(page)).filter((t) => /\.js(\?|$)/.test(t.url));
    adminJs = js.reduce((sum, t) => sum + t.bytes, 0);
    await context.close();
  }

  log("measuring the public page…");
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "th-TH" });
  const page = await context.newPage();
  const response = await page.goto(`${base}/p/${agencyId}/2566`, { waitUntil: "load" });
  if (!response?.ok()) throw new Error(`the public page answered ${response?.status()}`);
  const publicTransfers = (await transfers(page)).filter(
    (t) => !/\.(woff2?|ttf|otf)(\?|$)/.test(t.url),
  );
  const publicBytes = publicTransfers.reduce((sum, t) => sum + t.bytes, 0);
  await context.close();

  const figures = {
    public_page_kb: kb(publicBytes),
    admin_js_kb_gz: kb(adminJs),
    dashboard_first_render_ms: Math.round(median(renders)),
    runs,
    dashboard_first_render_ms_all: renders.map(Math.round),
  };
  console.log(JSON.stringify(figures));
} finally {
  await browser?.close();
  server.child.kill("SIGTERM");
  await server.exited;
  rmSync(dataDir, { recursive: true, force: true });
}
