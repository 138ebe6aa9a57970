import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts", "scripts/**/*.test.ts"],
    // Real Chromium and LibreOffice runs: generous on a loaded 2-core machine, never skipped.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    globalSetup: ["tests/setup/postgres-cluster.ts"],
  },
});
