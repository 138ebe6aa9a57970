import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/database.ts";

export interface TallyDifference {
  agencyId: string;
  assessmentId: string;
  tool: string;
  /** The scored item, or "" for the number of respondents. */
  itemId: string;
  optionId: string;
  stored: number;
  rebuilt: number;
}

export interface RebuildReport {
  /** Surveys (assessment × tool) counted from the responses. */
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
  framework_id: string;
  rebuilt_respondents: number | null;
  rebuilt_counts: number[] | null;
  stored_respondents: number | null;
  stored_counts: number[] | null;
  item_ids: string[];
  option_ids: string[];
}

/** Every survey's tallies counted again from the responses, in each framework's layout order. */
const rebuilt = (agencyId: string | undefined) => {
  const only = agencyId ? sql`and r.agency_id = ${agencyId}` : sql``;
  return sql`
    with scopes as (
      select r.agency_id, r.assessment_id, r.tool, a.framework_id, count(*)::int as respondents
        from survey_responses r
        join assessments a on a.agency_id = r.agency_id and a.id = r.assessment_id
       where true ${only}
       group by 1, 2, 3, 4
    ), answered as (
      select r.agency_id, r.assessment_id, r.tool, e.key as item_id, e.value as option_id,
             count(*)::int as n
        from survey_responses r, jsonb_each_text(r.answers) e
       where true ${only}
       group by 1, 2, 3, 4, 5
    ), layout as (
      select l.framework_id, l.tool, u.item_id, u.option_id, u.pos
        from survey_tally_layouts l,
             unnest(l.item_ids, l.option_ids) with ordinality as u(item_id, option_id, pos)
    )
    select s.agency_id, s.assessment_id, s.tool, s.framework_id, s.respondents,
           array_agg(coalesce(a.n, 0) order by l.pos) as counts
      from scopes s
      join layout l on l.framework_id = s.framework_id and l.tool = s.tool
      left join answered a on a.agency_id = s.agency_id and a.assessment_id = s.assessment_id
           and a.tool = s.tool and a.item_id = l.item_id and a.option_id = l.option_id
     group by 1, 2, 3, 4, 5`;
};

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
    // Counted once, then compared and (with `write`) copied: the responses are read one time.
    await tx.execute(
      sql`create temporary table rebuilt_tallies on commit drop as ${rebuilt(agencyId)}`,
    );
    const storedOnly = agencyId ? sql`where agency_id = ${agencyId}` : sql``;
    const rows = await queryRows<Row>(
      tx,
      sql`with stored as (select * from survey_tallies ${storedOnly})
          select coalesce(b.agency_id, s.agency_id) as agency_id,
                 coalesce(b.assessment_id, s.assessment_id) as assessment_id,
                 coalesce(b.tool, s.tool) as tool,
                 coalesce(b.framework_id, s.framework_id) as framework_id,
                 b.respondents as rebuilt_respondents, b.counts as rebuilt_counts,
                 s.respondents as stored_respondents, s.counts as stored_counts,
                 l.item_ids, l.option_ids
            from rebuilt_tallies b
            full join stored s using (agency_id, assessment_id, tool)
            join survey_tally_layouts l
              on l.framework_id = coalesce(b.framework_id, s.framework_id)
             and l.tool = coalesce(b.tool, s.tool)
           where b.agency_id is null or s.agency_id is null
              or b.respondents <> s.respondents or b.counts <> s.counts`,
    );
    const differences = rows.flatMap(differencesOf);
    const [counted] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from rebuilt_tallies`,
    );
    if (write) {
      await tx.execute(sql`delete from survey_tallies ${storedOnly}`);
      await tx.execute(
        sql`insert into survey_tallies (agency_id, assessment_id, tool, framework_id, respondents, counts)
            select agency_id, assessment_id, tool, framework_id, respondents, counts from rebuilt_tallies`,
      );
    }
    return { rows: counted?.n ?? 0, differences, written: write };
  });
}

function differencesOf(row: Row): TallyDifference[] {
  const scope = { agencyId: row.agency_id, assessmentId: row.assessment_id, tool: row.tool };
  const out: TallyDifference[] = [];
  const storedRespondents = row.stored_respondents ?? 0;
  const rebuiltRespondents = row.rebuilt_respondents ?? 0;
  if (storedRespondents !== rebuiltRespondents)
    out.push({
      ...scope,
      itemId: "",
      optionId: "",
      stored: storedRespondents,
      rebuilt: rebuiltRespondents,
    });
  row.item_ids.forEach((itemId, i) => {
    const stored = row.stored_counts?.[i] ?? 0;
    const rebuiltCount = row.rebuilt_counts?.[i] ?? 0;
    if (stored !== rebuiltCount)
      out.push({
        ...scope,
        itemId,
        optionId: row.option_ids[i] ?? "",
        stored,
        rebuilt: rebuiltCount,
      });
  });
  return out;
}
