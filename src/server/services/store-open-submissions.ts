import { sql } from "drizzle-orm";
import { type Db, preparedRows } from "../db/database.ts";
import type { Submission } from "./survey-intake.ts";

interface TallyGroup {
  first: Submission;
  /** 1-based position, which the statement joins on. */
  g: number;
  respondents: number;
  counts: number[];
}

/** The batch's count vectors summed per tally row here, where adding arrays is cheap. */
function groupTallies(submissions: readonly Submission[]): {
  groups: TallyGroup[];
  groupOf: number[];
} {
  const byKey = new Map<string, TallyGroup>();
  const groupOf: number[] = [];
  for (const s of submissions) {
    const key = `${s.agencyId}|${s.assessmentId}|${s.tool}`;
    let group = byKey.get(key);
    if (!group) {
      group = { first: s, g: byKey.size + 1, respondents: 0, counts: s.counts.map(() => 0) };
      byKey.set(key, group);
    }
    group.respondents += 1;
    for (const [i, n] of s.counts.entries()) group.counts[i] = (group.counts[i] ?? 0) + n;
    groupOf.push(group.g);
  }
  return { groups: [...byKey.values()], groupOf };
}

/**
 * Stores submissions that need no code or pass in one statement (atomic on its own, so one round
 * trip): the responses, skipping keys already stored, and the tallies of exactly those inserted.
 * A tally row whose responses were all inserted takes the sum made here; only a row with a retry
 * among them (rare) is summed again in SQL from the responses that went in.
 * Returns the keys (`agency|key`) that were inserted.
 */
export async function storeOpenSubmissions(
  db: Db,
  submissions: readonly Submission[],
): Promise<Set<string>> {
  if (submissions.length === 0) return new Set();
  const { groups, groupOf } = groupTallies(submissions);
  const column = <T>(pick: (s: Submission) => T) => sql.param(submissions.map(pick));
  const perGroup = <T>(pick: (g: TallyGroup) => T) => sql.param(groups.map(pick));
  const vector = (counts: readonly number[]) => `{${counts.join(",")}}`;
  const rows = await preparedRows<{ agency_id: string; idempotency_key: string }>(
    db,
    "store_open_submissions",
    sql`with v as (
          select * from unnest(
            ${column((s) => s.agencyId)}::uuid[], ${column((s) => s.assessmentId)}::uuid[],
            ${column((s) => s.tool)}::text[], ${column((s) => s.channel)}::text[],
            ${column((s) => JSON.stringify(s.answers))}::jsonb[], ${column((s) => s.submittedOn)}::date[],
            ${column((s) => s.idempotencyKey)}::text[], ${column((s) => s.straightLine)}::boolean[],
            ${sql.param(groupOf)}::int[], ${column((s) => vector(s.counts))}::text[])
            as v(agency_id, assessment_id, tool, channel, answers, submitted_on, idempotency_key,
                 straight_line, g, counts)
        ), inserted as (
          insert into survey_responses
            (agency_id, assessment_id, tool, channel, answers, submitted_on, idempotency_key, straight_line)
          select agency_id, assessment_id, tool, channel, answers, submitted_on, idempotency_key, straight_line
            from v
          on conflict (agency_id, idempotency_key) do nothing
          returning agency_id, idempotency_key
        ), kept as materialized (
          select v.g, v.counts from v join inserted using (agency_id, idempotency_key)
        ), groups as (
          select * from unnest(
            ${perGroup((g) => g.first.agencyId)}::uuid[], ${perGroup((g) => g.first.assessmentId)}::uuid[],
            ${perGroup((g) => g.first.tool)}::text[], ${perGroup((g) => g.first.frameworkId)}::text[],
            ${perGroup((g) => g.respondents)}::int[], ${perGroup((g) => vector(g.counts))}::text[],
            ${perGroup((g) => g.g)}::int[])
            as x(agency_id, assessment_id, tool, framework_id, respondents, counts, g)
        ), done as (
          select g, count(*)::int as n from kept group by g
        ), partial as materialized (
          select k.g, k.counts from kept k join done d using (g) join groups x using (g)
           where d.n < x.respondents
        ), resummed as (
          select g, array_agg(n order by i) as counts
            from (select g, i, sum(n)::int as n
                    from (select p.g, u.n, u.i
                            from partial p, unnest(p.counts::int[]) with ordinality as u(n, i)) e
                   group by g, i) t
           group by g
        ), vectors as (
          select x.agency_id, x.assessment_id, x.tool, x.framework_id, x.respondents, x.counts::int[]
            from groups x join done d using (g) where d.n = x.respondents
          union all
          select x.agency_id, x.assessment_id, x.tool, x.framework_id, d.n, r.counts
            from resummed r join groups x using (g) join done d using (g)
        ), tallied as (
          insert into survey_tallies (agency_id, assessment_id, tool, framework_id, respondents, counts)
          select * from vectors order by agency_id, assessment_id, tool
          on conflict (agency_id, assessment_id, tool) do update
             set respondents = survey_tallies.respondents + excluded.respondents,
                 counts = (select array_agg(coalesce(a, 0) + coalesce(b, 0) order by i)
                             from unnest(survey_tallies.counts, excluded.counts)
                                  with ordinality as u(a, b, i))
        )
        select agency_id, idempotency_key from inserted`,
  );
  return new Set(rows.map((r) => `${r.agency_id}|${r.idempotency_key}`));
}
