import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/database.ts";
import { RESPONDENTS } from "./survey-tally-rows.ts";

export interface TallyDifference {
  agencyId: string;
  assessmentId: string;
  tool: string;
  itemId: string;
  optionId: string;
  stored: number;
  rebuilt: number;
}

export interface RebuildReport {
  /** Tally rows counted from the responses. */
  rows: number;
  /** Where the stored tallies disagreed with the responses (empty when they agree). */
  differences: TallyDifference[];
  /** Whether the stored tallies were replaced by the rebuilt ones. */
  written: boolean;
}

interface Row {
  agency_id: string;
  assessment_id: string;
  tool: string;
  item_id: string;
  option_id: string;
  stored: number | null;
  rebuilt: number | null;
}

/**
 * Counts every tally again from the stored responses and compares it with the kept tallies;
 * with `write`, replaces them in the same transaction. Intake waits while this runs, so the
 * comparison is exact.
 */
export async function rebuildTallies(
  db: Db,
  { write, agencyId }: { write: boolean; agencyId?: string | undefined },
): Promise<RebuildReport> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table survey_tallies in share row exclusive mode`);
    const only = agencyId ? sql`where agency_id = ${agencyId}` : sql``;
    const rows = await queryRows<Row>(
      tx,
      sql`with rebuilt as (
            select agency_id, assessment_id, tool, e.key as item_id, e.value as option_id,
                   count(*)::int as n
              from survey_responses r, jsonb_each_text(r.answers) e ${only}
             group by 1, 2, 3, 4, 5
            union all
            select agency_id, assessment_id, tool, ${RESPONDENTS}, ${RESPONDENTS}, count(*)::int
              from survey_responses ${only}
             group by 1, 2, 3
          ), stored as (select * from survey_tallies ${only})
          select coalesce(b.agency_id, s.agency_id) as agency_id,
                 coalesce(b.assessment_id, s.assessment_id) as assessment_id,
                 coalesce(b.tool, s.tool) as tool,
                 coalesce(b.item_id, s.item_id) as item_id,
                 coalesce(b.option_id, s.option_id) as option_id,
                 s.count as stored, b.n as rebuilt
            from rebuilt b
            full join stored s using (agency_id, assessment_id, tool, item_id, option_id)`,
    );
    const differences = rows
      .filter((r) => (r.stored ?? 0) !== (r.rebuilt ?? 0))
      .map((r) => ({
        agencyId: r.agency_id,
        assessmentId: r.assessment_id,
        tool: r.tool,
        itemId: r.item_id,
        optionId: r.option_id,
        stored: r.stored ?? 0,
        rebuilt: r.rebuilt ?? 0,
      }));
    if (write) {
      await tx.execute(sql`delete from survey_tallies ${only}`);
      await tx.execute(
        sql`insert into survey_tallies (agency_id, assessment_id, tool, item_id, option_id, count)
            select agency_id, assessment_id, tool, e.key, e.value, count(*)::int
              from survey_responses r, jsonb_each_text(r.answers) e ${only}
             group by 1, 2, 3, 4, 5
            union all
            select agency_id, assessment_id, tool, ${RESPONDENTS}, ${RESPONDENTS}, count(*)::int
              from survey_responses ${only}
             group by 1, 2, 3`,
      );
    }
    return {
      rows: rows.filter((r) => r.rebuilt !== null).length,
      differences,
      written: write,
    };
  });
}
