import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS } from "./src/documents/pdf/chromium-args.ts";
import { findChromium } from "./src/documents/pdf/find-chromium.ts";

// The journeys run one after another against one server on a fresh demo database.
const port = Number(process.env.E2E_PORT ?? 3917);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e/output",
  workers: 1,
  fullyParallel: false,
  // Long journeys on a busy 2-core machine: the guard is against hangs, not a speed check.
  timeout: 180_000,
  expect: { timeout: 15_000 },
  forbidOnly: true,
  reporter: [["list"], ["html", { open: "never", outputFolder: "test-results/e2e/report" }]],
  globalSetup: "./tests/e2e/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "th-TH",
    timezoneId: "Asia/Bangkok",
    launchOptions: { executablePath: findChromium(process.env.CHROMIUM_PATH), args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
});
