import { and, eq, sql } from "drizzle-orm";
import { emptyTallies, type Tallies } from "../../domain/scoring/tallies.ts";
import type { Db } from "../db/database.ts";
import { surveyTallies } from "../db/schema.ts";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The item and option ids under which a tool's respondents are counted. */
export const RESPONDENTS = "";

interface Counted {
  agencyId: string;
  assessmentId: string;
  tool: string;
  answers: Record<string, string>;
}

/** Adds the responses' answers to the stored tallies, one upsert for the whole batch. */
export async function addToTallies(tx: Tx | Db, responses: readonly Counted[]): Promise<void> {
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const r of responses) {
    const scope = `${r.agencyId}\u0000${r.assessmentId}\u0000${r.tool}`;
    bump(`${scope}\u0000${RESPONDENTS}\u0000${RESPONDENTS}`);
    for (const [itemId, optionId] of Object.entries(r.answers))
      bump(`${scope}\u0000${itemId}\u0000${optionId}`);
  }
  if (counts.size === 0) return;
  // A fixed row order keeps concurrent writers (several processes) from deadlocking.
  const rows = [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, count]) => {
      const [agencyId, assessmentId, tool, itemId, optionId] = key.split("\u0000") as [
        string,
        string,
        string,
        string,
        string,
      ];
      return { agencyId, assessmentId, tool, itemId, optionId, count };
    });
  await tx
    .insert(surveyTallies)
    .values(rows)
    .onConflictDoUpdate({
      target: [
        surveyTallies.agencyId,
        surveyTallies.assessmentId,
        surveyTallies.tool,
        surveyTallies.itemId,
        surveyTallies.optionId,
      ],
      set: { count: sql`${surveyTallies.count} + excluded.count` },
    });
}

/** The stored tallies of one assessment, in the scoring's shape (respondents per tool, counts per item). */
export async function readTallies(
  db: Db,
  scope: { agencyId: string; assessmentId: string },
): Promise<Tallies> {
  const rows = await db
    .select()
    .from(surveyTallies)
    .where(
      and(
        eq(surveyTallies.agencyId, scope.agencyId),
        eq(surveyTallies.assessmentId, scope.assessmentId),
      ),
    );
  const tallies = emptyTallies();
  for (const row of rows) {
    if (row.itemId === RESPONDENTS) tallies.respondents[row.tool] = row.count;
    else {
      const counts = tallies.items[row.itemId] ?? {};
      counts[row.optionId] = row.count;
      tallies.items[row.itemId] = counts;
    }
  }
  return tallies;
}
