import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { loadFrameworks } from "../../../domain/framework/load-frameworks.ts";
import type { Framework } from "../../../domain/framework/schema.ts";
import { surveyIndicatorScores } from "../../../domain/scoring/survey-scores.ts";
import type { Database } from "../../db/database.ts";
import { assessments, NATIONAL_SCOPE, results, surveys } from "../../db/schema.ts";
import { createAgency } from "../../services/create-agency.ts";
import { surveyExportColumns } from "../../services/export-survey-responses.ts";
import { createIntake, type Submission } from "../../services/survey-intake.ts";
import { ensureSurveys } from "../../services/survey-rows.ts";
import { readTallies } from "../../services/survey-tally-rows.ts";
import { buildAgency } from "../../test-factories.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";
import { testSubmission } from "../../test-surveys.ts";

// Test-only: an agency with last year's result and this year's IIT answers stored through the
// intake, shaped to raise every integrity flag, beside another agency to prove isolation.

export const frameworks = loadFrameworks();
export const framework2566 = frameworks.get("ita-2566") as Framework;

/** A distinct answer set per number (below 256): the first eight items spell its bits. */
export function iitAnswers(n: number): Record<string, string> {
  return Object.fromEntries(
    surveyExportColumns(framework2566, "IIT").map((column, j) => {
      const options = [...column.labels.keys()];
      const index = j < 8 ? (n >> j) & 1 : (n + j) % options.length;
      return [column.itemId, options[index] as string];
    }),
  );
}

export interface SurveyWorld {
  agencyId: string;
  otherAgencyId: string;
  assessmentId: string;
  otherAssessmentId: string;
  /** Every stored IIT answer set, one per response. */
  stored: Record<string, string>[];
  people: Record<
    "evaluator" | "agency_admin" | "auditor" | "division_officer" | "national" | "outsider",
    Browser
  >;
}

/**
 * 45 IIT responses: 40 on 2023-03-01 (two groups of identical answers: 3 and 2), then one a day
 * for five days; three straight-lined; a population of 30; last year's indicator 1 far away.
 */
export async function buildSurveyWorld(
  app: FastifyInstance,
  database: Database,
): Promise<SurveyWorld> {
  const { db } = database;
  const agency = async (name: string) =>
    (await createAgency({ db, actor: "test", agency: buildAgency({ name }) })).id;
  const agencyId = await agency("เทศบาลตำบลเอ");
  const otherAgencyId = await agency("เทศบาลตำบลบี");
  const [y65, y66, other] = await db
    .insert(assessments)
    .values([
      { agencyId, fiscalYear: 2565, frameworkId: "ita-2565" },
      { agencyId, fiscalYear: 2566, frameworkId: "ita-2566" },
      { agencyId: otherAgencyId, fiscalYear: 2566, frameworkId: "ita-2566" },
    ])
    .returning({ id: assessments.id });
  if (!y65 || !y66 || !other) throw new Error("no assessments");
  const scope = { agencyId, assessmentId: y66.id };
  await ensureSurveys({ db, framework: framework2566, ...scope });
  await db
    .update(surveys)
    .set({ population: 30 })
    .where(and(eq(surveys.assessmentId, y66.id), eq(surveys.tool, "IIT")));

  const stored: Record<string, string>[] = [];
  const submissions: Submission[] = [];
  const add = (n: number, submittedOn: string, straightLine = false) => {
    const answers = iitAnswers(n);
    stored.push(answers);
    submissions.push(
      testSubmission(framework2566, {
        ...scope,
        tool: "IIT",
        channel: "link",
        answers,
        submittedOn,
        idempotencyKey: randomUUID(),
        straightLine,
      }),
    );
  };
  for (let n = 0; n < 35; n++) add(n, "2023-03-01", n < 3);
  for (let k = 0; k < 3; k++) add(100, "2023-03-01");
  for (let k = 0; k < 2; k++) add(101, "2023-03-01");
  // The same answers as response 100, but on another day: not a duplicate.
  add(100, "2023-03-02");
  for (const day of ["2023-03-03", "2023-03-04", "2023-03-05", "2023-03-06"]) add(200, day);
  const intake = createIntake({ db });
  const outcomes = await Promise.all(submissions.map((s) => intake.submit(s)));
  if (outcomes.some((o) => o !== "stored")) throw new Error(`not all stored: ${outcomes}`);

  // Last year: indicator 1 is 25 points away from this year's tallies, the others 5.
  const scores = surveyIndicatorScores(framework2566, await readTallies(db, scope));
  const away = (indicator: number, points: number) => {
    const score = scores.get(indicator) ?? 0;
    return score > 50 ? score - points : score + points;
  };
  const previous = { "1": away(1, 25), "2": away(2, 5), "3": away(3, 5), "4": away(4, 5) };
  await db.insert(results).values({
    agencyId,
    assessmentId: y65.id,
    source: "entered",
    indicators: { ...previous, "5": away(5, 5) },
    computedOverall: 50,
    computedLevel: "E",
    updatedBy: "test",
  });

  const as = (role: "evaluator" | "agency_admin" | "auditor" | "division_officer") =>
    signInAs(app, database, [{ agencyId, role }]);
  return {
    agencyId,
    otherAgencyId,
    assessmentId: y66.id,
    otherAssessmentId: other.id,
    stored,
    people: {
      evaluator: await as("evaluator"),
      agency_admin: await as("agency_admin"),
      auditor: await as("auditor"),
      division_officer: await as("division_officer"),
      national: await signInAs(app, database, [
        { agencyId: NATIONAL_SCOPE, role: "national_admin" },
      ]),
      outsider: await signInAs(app, database, [{ agencyId: otherAgencyId, role: "evaluator" }]),
    },
  };
}
