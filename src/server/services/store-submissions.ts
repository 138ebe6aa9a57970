import { and, eq, inArray, sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/database.ts";
import { surveyCodes, surveyOtps, surveyResponses } from "../db/schema.ts";
import { storeOpenSubmissions } from "./store-open-submissions.ts";
import type { Submission, SubmitOutcome } from "./survey-intake.ts";
import { addToTallies } from "./survey-tally-rows.ts";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const keyOf = (s: Pick<Submission, "agencyId" | "idempotencyKey">) =>
  `${s.agencyId}|${s.idempotencyKey}`;

/**
 * Stores a batch atomically — in one statement when no submission needs a code or pass, in one
 * transaction otherwise: the responses (a key already stored is a retry, answered as
 * such), the codes and passes they used (a used one undoes its response), and the tallies of
 * exactly the responses that remain. Returns one outcome per submission, in order.
 */
export async function storeSubmissions(
  db: Db,
  submissions: readonly Submission[],
): Promise<SubmitOutcome[]> {
  const outcomes = new Map<string, SubmitOutcome>();
  const firsts = firstOfEachKey(submissions, outcomes);
  if (firsts.every((s) => !s.code && !s.otpPassHash)) {
    const inserted = await storeOpenSubmissions(db, firsts);
    for (const s of firsts)
      outcomes.set(keyOf(s), inserted.has(keyOf(s)) ? "stored" : "already_stored");
  } else
    await db.transaction(async (tx) => {
      outcomes.clear();
      markLaterClaims(firsts, outcomes);
      const candidates = firsts.filter((s) => !outcomes.has(keyOf(s)));
      const inserted = await insertResponses(tx, candidates);
      for (const s of candidates)
        if (!inserted.has(keyOf(s))) outcomes.set(keyOf(s), "already_stored");
      const fresh = candidates.filter((s) => inserted.has(keyOf(s)));
      const refused = await claimCodesAndPasses(tx, fresh);
      for (const [key, outcome] of refused) outcomes.set(key, outcome);
      await removeResponses(
        tx,
        fresh.filter((s) => refused.has(keyOf(s))),
      );
      const kept = fresh.filter((s) => !refused.has(keyOf(s)));
      for (const s of kept) outcomes.set(keyOf(s), "stored");
      await addToTallies(tx, kept);
    });
  const seen = new Set<string>();
  return submissions.map((s) => {
    const key = keyOf(s);
    const outcome = outcomes.get(key) ?? "stored";
    // A key repeated inside the batch is a retry of the first: stored once, acknowledged twice.
    if (seen.has(key)) return outcome === "stored" ? "already_stored" : outcome;
    seen.add(key);
    return outcome;
  });
}

function firstOfEachKey(
  submissions: readonly Submission[],
  outcomes: Map<string, SubmitOutcome>,
): Submission[] {
  const firsts = new Map<string, Submission>();
  for (const s of submissions) if (!firsts.has(keyOf(s))) firsts.set(keyOf(s), s);
  outcomes.clear();
  return [...firsts.values()];
}

/** Within one batch a code or pass admits only the first submission that names it. */
function markLaterClaims(submissions: Submission[], outcomes: Map<string, SubmitOutcome>): void {
  const claimed = new Set<string>();
  for (const s of submissions) {
    const claim = s.code
      ? `code|${s.agencyId}|${s.code}`
      : s.otpPassHash
        ? `pass|${s.agencyId}|${s.otpPassHash}`
        : undefined;
    if (!claim) continue;
    if (claimed.has(claim)) outcomes.set(keyOf(s), s.code ? "code_used" : "pass_used");
    claimed.add(claim);
  }
}

async function insertResponses(tx: Tx, submissions: Submission[]): Promise<Set<string>> {
  if (submissions.length === 0) return new Set();
  // One statement with one array per column: no per-row SQL to build, whatever the batch size.
  const column = <T>(pick: (s: Submission) => T) => sql.param(submissions.map(pick));
  const rows = await queryRows<{ agency_id: string; idempotency_key: string }>(
    tx,
    sql`insert into survey_responses
          (agency_id, assessment_id, tool, channel, answers, submitted_on, idempotency_key, straight_line)
        select * from unnest(
          ${column((s) => s.agencyId)}::uuid[], ${column((s) => s.assessmentId)}::uuid[],
          ${column((s) => s.tool)}::text[], ${column((s) => s.channel)}::text[],
          ${column((s) => JSON.stringify(s.answers))}::jsonb[], ${column((s) => s.submittedOn)}::date[],
          ${column((s) => s.idempotencyKey)}::text[], ${column((s) => s.straightLine)}::boolean[])
        on conflict (agency_id, idempotency_key) do nothing
        returning agency_id, idempotency_key`,
  );
  return new Set(rows.map((r) => `${r.agency_id}|${r.idempotency_key}`));
}

/** Marks the codes and passes used; returns the submissions whose code or pass was already used. */
async function claimCodesAndPasses(
  tx: Tx,
  submissions: Submission[],
): Promise<Map<string, SubmitOutcome>> {
  const refused = new Map<string, SubmitOutcome>();
  for (const [scope, group] of groupByScope(submissions.filter((s) => s.code))) {
    const [agencyId, assessmentId, tool] = scope.split("|") as [string, string, string];
    const codes = group.map((s) => s.code ?? "");
    const claimed = await tx
      .update(surveyCodes)
      .set({ used: true })
      .where(
        and(
          eq(surveyCodes.agencyId, agencyId),
          eq(surveyCodes.assessmentId, assessmentId),
          eq(surveyCodes.tool, tool),
          inArray(surveyCodes.code, codes),
          eq(surveyCodes.used, false),
        ),
      )
      .returning({ code: surveyCodes.code });
    const ok = new Set(claimed.map((c) => c.code));
    for (const s of group) if (!ok.has(s.code ?? "")) refused.set(keyOf(s), "code_used");
  }
  for (const [scope, group] of groupByScope(submissions.filter((s) => s.otpPassHash))) {
    const [agencyId, assessmentId, tool] = scope.split("|") as [string, string, string];
    const claimed = await tx
      .update(surveyOtps)
      .set({ used: true })
      .where(
        and(
          eq(surveyOtps.agencyId, agencyId),
          eq(surveyOtps.assessmentId, assessmentId),
          eq(surveyOtps.tool, tool),
          inArray(
            surveyOtps.passHash,
            group.map((s) => s.otpPassHash ?? ""),
          ),
          eq(surveyOtps.used, false),
        ),
      )
      .returning({ passHash: surveyOtps.passHash });
    const ok = new Set(claimed.map((c) => c.passHash));
    for (const s of group) if (!ok.has(s.otpPassHash ?? "")) refused.set(keyOf(s), "pass_used");
  }
  return refused;
}

async function removeResponses(tx: Tx, submissions: Submission[]): Promise<void> {
  for (const [agencyId, group] of groupBy(submissions, (s) => s.agencyId))
    await tx.delete(surveyResponses).where(
      and(
        eq(surveyResponses.agencyId, agencyId),
        inArray(
          surveyResponses.idempotencyKey,
          group.map((s) => s.idempotencyKey),
        ),
      ),
    );
}

function groupByScope(submissions: Submission[]): Map<string, Submission[]> {
  return groupBy(submissions, (s) => `${s.agencyId}|${s.assessmentId}|${s.tool}`);
}

// Map.groupBy arrives in Node 21; this runs on Node 20.
function groupBy<T>(values: T[], key: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) groups.set(key(value), [...(groups.get(key(value)) ?? []), value]);
  return groups;
}
