import { sql } from "drizzle-orm";
import type { Framework } from "../../domain/framework/schema.ts";
import { explainDiscrepancy } from "../../domain/results/explain-discrepancy.ts";
import { ratingOf, toolScores } from "../../domain/scoring/overall.ts";
import type { ResultResponse } from "../../shared/result.ts";
import type { Db } from "../db/database.ts";
import { users } from "../db/schema.ts";
import type { AssessmentRow } from "./find-assessment.ts";
import type { ResultRow } from "./save-result.ts";

export interface ResultResponseOptions {
  db: Db;
  row: ResultRow;
  assessment: AssessmentRow;
  framework: Framework;
}

/** A stored result as the API shows it: the explanation when flagged, the rating, who wrote it. */
export async function toResultResponse(options: ResultResponseOptions): Promise<ResultResponse> {
  const { row, assessment, framework } = options;
  const scores = new Map(Object.entries(row.indicators).map(([n, v]) => [Number(n), v]));
  return {
    agencyId: row.agencyId,
    assessmentId: row.assessmentId,
    fiscalYear: assessment.fiscalYear,
    frameworkId: assessment.frameworkId,
    source: row.source,
    indicators: row.indicators,
    oit: row.oit,
    official:
      row.officialOverall === null
        ? null
        : { overall: row.officialOverall, level: row.officialLevel },
    computed: { overall: row.computedOverall, level: row.computedLevel },
    discrepancy: row.discrepancy,
    explanation: explainDiscrepancy(row),
    rating: ratingOf(framework, row.computedOverall, toolScores(framework, scores)),
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
    updatedByName: await displayNameOf(options.db, row.updatedBy),
  };
}

// The writer is stored as text: a user id, or a name such as the demo seed's that matches no user.
async function displayNameOf(db: Db, writer: string): Promise<string | null> {
  const [user] = await db
    .select({ name: users.displayName })
    .from(users)
    .where(sql`${users.id}::text = ${writer}`);
  return user?.name ?? null;
}
