import { sql } from "drizzle-orm";
import type { Framework } from "../../domain/framework/schema.ts";
import {
  canonicalOitItems,
  checkMeasure,
  settleProgress,
} from "../../domain/plan/check-measure.ts";
import { invalidError } from "../../domain/validation.ts";
import type { MeasureCreate, MeasureResponse } from "../../shared/measure.ts";
import type { Db } from "../db/database.ts";
import { measures } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";
import { findAssessmentScope, withFramework } from "./find-assessment-scope.ts";
import { measureSubject, toMeasureResponse } from "./measure-rows.ts";

export interface CreateMeasureOptions {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  agencyId: string;
  assessmentId: string;
  actor: string;
  input: MeasureCreate;
}

/** Adds a measure at the end of the assessment's plan after checking it against agency, framework and year. */
export async function createMeasure(options: CreateMeasureOptions): Promise<MeasureResponse> {
  const { db, agencyId, assessmentId, input } = options;
  const scope = withFramework(
    await findAssessmentScope({ db, agencyId, assessmentId }),
    options.frameworks,
  );
  const settled = settleProgress(input, { status: "planned", progress: 0 });
  const problems = checkMeasure(input, { ...input, ...settled }, scope);
  if (problems.length > 0) throw invalidError("INPUT_INVALID", measureSubject, problems);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(measures)
      .values({
        agencyId,
        assessmentId,
        // Next position in one statement, so concurrent creates never read a stale count.
        position: sql`(select coalesce(max(m.position), 0) + 1 from measures m
          where m.agency_id = ${agencyId} and m.assessment_id = ${assessmentId})`,
        title: input.title,
        steps: input.steps,
        responsible: input.responsible,
        indicators: input.indicators,
        oitItems: canonicalOitItems(scope.framework, input.oitItems),
        monitoring: input.monitoring,
        startDate: input.startDate,
        dueDate: input.dueDate,
        evidenceLinks: input.evidenceLinks,
        ...settled,
      })
      .returning();
    if (!row) throw new Error("insert returned no measure");
    const after = toMeasureResponse(row);
    await appendAudit({
      db: tx,
      agencyId,
      actor: options.actor,
      action: "measure.create",
      entity: "measure",
      entityId: row.id,
      after,
    });
    return after;
  });
}
