import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/database.ts";
import type { Submission } from "./survey-intake.ts";

/**
 * Stores submissions that need no code or pass in one statement (atomic on its own, so one round
 * trip): the responses, skipping keys already stored, and the tallies of exactly those inserted.
 * Returns the keys (`agency|key`) that were inserted.
 */
export async function storeOpenSubmissions(
  db: Db,
  submissions: readonly Submission[],
): Promise<Set<string>> {
  if (submissions.length === 0) return new Set();
  const column = <T>(pick: (s: Submission) => T) => sql.param(submissions.map(pick));
  const rows = await queryRows<{ agency_id: string; idempotency_key: string }>(
    db,
    sql`with v as (
          select * from unnest(
            ${column((s) => s.agencyId)}::uuid[], ${column((s) => s.assessmentId)}::uuid[],
            ${column((s) => s.tool)}::text[], ${column((s) => s.channel)}::text[],
            ${column((s) => JSON.stringify(s.answers))}::jsonb[], ${column((s) => s.submittedOn)}::date[],
            ${column((s) => s.idempotencyKey)}::text[], ${column((s) => s.straightLine)}::boolean[],
            ${column((s) => s.frameworkId)}::text[], ${column((s) => `{${s.counts.join(",")}}`)}::text[])
            as v(agency_id, assessment_id, tool, channel, answers, submitted_on, idempotency_key,
                 straight_line, framework_id, counts)
        ), inserted as (
          insert into survey_responses
            (agency_id, assessment_id, tool, channel, answers, submitted_on, idempotency_key, straight_line)
          select agency_id, assessment_id, tool, channel, answers, submitted_on, idempotency_key, straight_line
            from v
          on conflict (agency_id, idempotency_key) do nothing
          returning agency_id, idempotency_key
        ), kept as (
          select v.* from v join inserted using (agency_id, idempotency_key)
        ), sums as (
          select agency_id, assessment_id, tool, framework_id, i, sum(n)::int as n
            from kept, unnest(counts::int[]) with ordinality as u(n, i)
           group by 1, 2, 3, 4, 5
        ), vectors as (
          select s.agency_id, s.assessment_id, s.tool, s.framework_id,
                 (select count(*)::int from kept k where k.agency_id = s.agency_id
                     and k.assessment_id = s.assessment_id and k.tool = s.tool) as respondents,
                 array_agg(s.n order by s.i) as counts
            from sums s group by 1, 2, 3, 4
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
