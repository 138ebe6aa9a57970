import { and, eq, sql } from "drizzle-orm";
import type { Framework } from "../../domain/framework/schema.ts";
import { emptyTallies, type Tallies } from "../../domain/scoring/tallies.ts";
import { surveyTools } from "../../domain/survey/survey-form.ts";
import { addVector, tallyLayout } from "../../domain/survey/tally-layout.ts";
import type { Db } from "../db/database.ts";
import { surveyTallies, surveyTallyLayouts } from "../db/schema.ts";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

interface Counted {
  agencyId: string;
  assessmentId: string;
  tool: string;
  frameworkId: string;
  counts: readonly number[];
}

/** Stores the count layouts of a framework's survey tools (once; they never change). */
export async function ensureTallyLayouts(db: Db | Tx, framework: Framework): Promise<void> {
  const rows = surveyTools(framework).map((tool) => ({
    frameworkId: framework.id,
    tool,
    ...tallyLayout(framework, tool),
  }));
  if (rows.length > 0) await db.insert(surveyTallyLayouts).values(rows).onConflictDoNothing();
}

/** Adds the responses' count vectors to the stored tallies: one row per survey in the batch. */
export async function addToTallies(tx: Tx | Db, responses: readonly Counted[]): Promise<void> {
  const merged = new Map<string, Counted & { respondents: number; sum: number[] }>();
  for (const r of responses) {
    const key = `${r.agencyId}|${r.assessmentId}|${r.tool}`;
    const row = merged.get(key) ?? { ...r, respondents: 0, sum: r.counts.map(() => 0) };
    row.respondents++;
    r.counts.forEach((n, i) => {
      row.sum[i] = (row.sum[i] ?? 0) + n;
    });
    merged.set(key, row);
  }
  if (merged.size === 0) return;
  // A fixed row order keeps concurrent writers (several processes) from deadlocking.
  const rows = [...merged.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, r]) => ({
      agencyId: r.agencyId,
      assessmentId: r.assessmentId,
      tool: r.tool,
      frameworkId: r.frameworkId,
      respondents: r.respondents,
      counts: r.sum,
    }));
  const column = <T>(pick: (r: (typeof rows)[number]) => T) => sql.param(rows.map(pick));
  // Arrays of arrays do not survive unnest, so each vector travels as its array literal.
  await tx.execute(sql`
    insert into survey_tallies (agency_id, assessment_id, tool, framework_id, respondents, counts)
    select agency_id, assessment_id, tool, framework_id, respondents, counts::int[]
      from unnest(${column((r) => r.agencyId)}::uuid[], ${column((r) => r.assessmentId)}::uuid[],
                  ${column((r) => r.tool)}::text[], ${column((r) => r.frameworkId)}::text[],
                  ${column((r) => r.respondents)}::int[], ${column((r) => `{${r.counts.join(",")}}`)}::text[])
           as v(agency_id, assessment_id, tool, framework_id, respondents, counts)
    on conflict (agency_id, assessment_id, tool) do update
       set respondents = survey_tallies.respondents + excluded.respondents,
           counts = (select array_agg(coalesce(a, 0) + coalesce(b, 0) order by i)
                       from unnest(survey_tallies.counts, excluded.counts) with ordinality as u(a, b, i))`);
}

/** The stored tallies of one assessment, in the scoring's shape (respondents per tool, counts per item). */
export async function readTallies(
  db: Db,
  scope: { agencyId: string; assessmentId: string },
): Promise<Tallies> {
  const rows = await db
    .select({
      tool: surveyTallies.tool,
      respondents: surveyTallies.respondents,
      counts: surveyTallies.counts,
      itemIds: surveyTallyLayouts.itemIds,
      optionIds: surveyTallyLayouts.optionIds,
    })
    .from(surveyTallies)
    .innerJoin(
      surveyTallyLayouts,
      and(
        eq(surveyTallyLayouts.frameworkId, surveyTallies.frameworkId),
        eq(surveyTallyLayouts.tool, surveyTallies.tool),
      ),
    )
    .where(
      and(
        eq(surveyTallies.agencyId, scope.agencyId),
        eq(surveyTallies.assessmentId, scope.assessmentId),
      ),
    );
  const tallies = emptyTallies();
  for (const row of rows) addVector(tallies, row, row.tool, row.respondents, row.counts);
  return tallies;
}
