import type { TestProject } from "vitest/node";
import { startThrowawayPostgres } from "../../scripts/throwaway-postgres.ts";

// Integration tests run against a real PostgreSQL server: DATABASE_URL when given, otherwise a
// throwaway cluster started here on a free port and removed afterwards. Missing binaries fail.

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) {
    project.provide("postgresUrl", process.env.DATABASE_URL);
    return async () => {};
  }
  const cluster = await startThrowawayPostgres();
  project.provide("postgresUrl", cluster.url);
  return cluster.stop;
}
