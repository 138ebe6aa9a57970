import type { Framework } from "../../domain/framework/schema.ts";
import type { FrameworkSummary } from "../../shared/framework.ts";

/** Every loaded framework, oldest fiscal year first. */
export function listFrameworks(frameworks: ReadonlyMap<string, Framework>): FrameworkSummary[] {
  return [...frameworks.values()]
    .map(({ id, fiscalYear, name }) => ({ id, fiscalYear, name }))
    .sort((a, b) => a.fiscalYear - b.fiscalYear || a.id.localeCompare(b.id));
}
