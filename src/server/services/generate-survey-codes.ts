import { and, eq, sql } from "drizzle-orm";
import type { Framework } from "../../domain/framework/schema.ts";
import { generateSurveyCode } from "../../domain/survey/survey-codes.ts";
import type { CodeGenerateResponse } from "../../shared/survey.ts";
import type { Db } from "../db/database.ts";
import { surveyCodes } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";
import { loadSurveyScope, surveyOf } from "./survey-scope.ts";

// A collision among ~40-bit codes is rare; a few rounds settle even a very large agency's batch.
const MAX_ROUNDS = 20;

/**
 * Makes `count` single-use codes for a survey in a new print run. The audit entry says how many,
 * never which: a code written anywhere but its card could tie a respondent to their answers.
 */
export async function generateSurveyCodes({
  db,
  frameworks,
  agencyId,
  assessmentId,
  tool,
  count,
  actor,
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  agencyId: string;
  assessmentId: string;
  tool: string;
  count: number;
  actor: string;
}): Promise<CodeGenerateResponse> {
  const scope = await loadSurveyScope({ db, frameworks, agencyId, assessmentId });
  surveyOf(scope, tool);
  return db.transaction(async (tx) => {
    // The audit head lock serialises this agency's print runs, so batch numbers never clash.
    await appendAudit({
      db: tx,
      agencyId,
      actor,
      action: "survey.codes_generate",
      entity: "survey",
      entityId: `${assessmentId}/${tool}`,
      after: { tool, count },
    });
    const [last] = await tx
      .select({ batch: sql<number | null>`max(${surveyCodes.batch})` })
      .from(surveyCodes)
      .where(
        and(
          eq(surveyCodes.agencyId, agencyId),
          eq(surveyCodes.assessmentId, assessmentId),
          eq(surveyCodes.tool, tool),
        ),
      );
    const batch = Number(last?.batch ?? 0) + 1;
    let stored = 0;
    for (let round = 0; stored < count && round < MAX_ROUNDS; round++) {
      const fresh = new Set<string>();
      while (fresh.size < count - stored) fresh.add(generateSurveyCode());
      const inserted = await tx
        .insert(surveyCodes)
        .values([...fresh].map((code) => ({ agencyId, assessmentId, tool, code, batch })))
        .onConflictDoNothing()
        .returning({ code: surveyCodes.code });
      stored += inserted.length;
    }
    if (stored < count) throw new Error(`could not find ${count} unused codes`);
    return { tool, batch, count };
  });
}
