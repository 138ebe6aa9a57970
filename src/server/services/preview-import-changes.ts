import { and, inArray } from "drizzle-orm";
import type { CheckedResult } from "../../domain/results/check-result.ts";
import type { ImportChange } from "../../shared/result.ts";
import type { Db } from "../db/database.ts";
import { agencies, results } from "../db/schema.ts";
import { type ImportRow, inChunks } from "./check-import-rows.ts";

type ResultRow = typeof results.$inferSelect;

/** For each checked row: the agency, what is stored for its year now, and what the file would store. */
export async function previewImportChanges({
  db,
  rows,
}: {
  db: Db;
  rows: ImportRow[];
}): Promise<ImportChange[]> {
  const agencyIds = [...new Set(rows.map((r) => r.agencyId))];
  const names = new Map(
    (
      await inChunks(agencyIds, (part) =>
        db
          .select({ id: agencies.id, name: agencies.name })
          .from(agencies)
          .where(inArray(agencies.id, part)),
      )
    ).map((a) => [a.id, a.name]),
  );
  const assessmentIds = rows.flatMap((r) => (r.assessmentId ? [r.assessmentId] : []));
  // Rows were authorised agency by agency; the results read are those agencies' own.
  const stored = new Map(
    (
      await inChunks(assessmentIds, (part) =>
        db
          .select()
          .from(results)
          .where(and(inArray(results.agencyId, agencyIds), inArray(results.assessmentId, part))),
      )
    ).map((r) => [`${r.agencyId}:${r.assessmentId}`, r]),
  );
  return rows.map((r) => {
    const now = r.assessmentId ? stored.get(`${r.agencyId}:${r.assessmentId}`) : undefined;
    const incoming = figures(r.result);
    const current = now ? { ...figures(now), source: now.source } : null;
    return {
      row: r.row,
      agencyId: r.agencyId,
      agencyName: names.get(r.agencyId) ?? "",
      fiscalYear: r.fiscalYear,
      frameworkId: r.frameworkId,
      current,
      incoming,
      unchanged: now !== undefined && same(now, r.result),
    };
  });
}

function figures(result: CheckedResult | ResultRow) {
  return {
    overall: result.computedOverall,
    level: result.computedLevel,
    official:
      result.officialOverall === null
        ? null
        : { overall: result.officialOverall, level: result.officialLevel },
    indicators: result.indicators,
    oitVerdicts: Object.keys(result.oit ?? {}).length,
  };
}

function same(stored: ResultRow, incoming: CheckedResult): boolean {
  const keys = new Set([...Object.keys(stored.indicators), ...Object.keys(incoming.indicators)]);
  return (
    [...keys].every((k) => stored.indicators[k] === incoming.indicators[k]) &&
    stored.officialOverall === incoming.officialOverall &&
    stored.officialLevel === incoming.officialLevel &&
    (stored.oit === null) === (incoming.oit === null)
  );
}
