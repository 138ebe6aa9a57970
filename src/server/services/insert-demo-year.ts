import { sql } from "drizzle-orm";
import type { PlannedAgency, PlannedYear } from "../../domain/national-demo/plan-national.ts";
import { integerBetween, type Random } from "../../domain/national-demo/seeded-random.ts";
import {
  straightLinedAnswers,
  syntheticAnswers,
} from "../../domain/national-demo/synthetic-answers.ts";
import { isStraightLine } from "../../domain/survey/check-survey-answers.ts";
import { generateSurveyToken } from "../../domain/survey/survey-codes.ts";
import { surveyTools } from "../../domain/survey/survey-form.ts";
import { countVector, tallyLayout } from "../../domain/survey/tally-layout.ts";
import type { Db } from "../db/database.ts";
import { ensureTallyLayouts } from "./survey-tally-rows.ts";

// Rows per statement: large enough to amortise the round trip, small enough to keep memory flat.
const RESPONSE_BATCH = 4000;
const ROW_BATCH = 2000;
// A few respondents give the same answer to everything, as real ones do; evaluators see them.
const STRAIGHT_LINERS = 0.01;

export interface DemoYearProgress {
  responses: number;
}

/**
 * One fiscal year of the national demo: each agency's assessment, its surveys with their
 * populations, the respondents' answers with the tallies they add up to, and an evaluator's
 * verdict on every OIT item. Returns how many responses and verdicts were stored.
 */
export async function insertDemoYear(options: {
  db: Db;
  agencies: readonly PlannedAgency[];
  year: PlannedYear;
  random: Random;
  onResponses: (stored: number) => void;
}): Promise<{ responses: number; verdicts: number }> {
  const { db, agencies, year, random } = options;
  const { framework } = year;
  const window = framework.windows.find((w) => w.id === framework.surveys.window);
  if (!window)
    throw new Error(`framework ${framework.id} has no window ${framework.surveys.window}`);
  await insertAssessments(db, agencies, year);
  await insertSurveys(db, agencies, year, window);
  await ensureTallyLayouts(db, framework);
  const days = dayRange(window.start, window.end);
  const minimumItems = framework.surveys.integrity.straightLineMinimumItems;
  const batch = new ResponseBatch(db);
  const tallies: TallyRow[] = [];
  let responses = 0;
  for (const assessment of year.assessments) {
    const agency = agencies[assessment.agency];
    if (!agency) continue;
    for (const tool of surveyTools(framework)) {
      const layout = tallyLayout(framework, tool);
      const sum = new Array<number>(layout.itemIds.length).fill(0);
      const n = assessment.respondents[tool] ?? 0;
      for (let r = 0; r < n; r++) {
        const answers =
          random() < STRAIGHT_LINERS
            ? straightLinedAnswers(framework, tool)
            : syntheticAnswers(framework, tool, assessment.quality, random);
        const counts = countVector(layout, answers);
        for (let i = 0; i < counts.length; i++) sum[i] = (sum[i] ?? 0) + (counts[i] ?? 0);
        batch.add({
          agencyId: agency.id,
          assessmentId: assessment.id,
          tool,
          answers: JSON.stringify(answers),
          day: days[integerBetween(random, 0, days.length - 1)] ?? days[0] ?? "",
          key: `demo-${assessment.id}-${tool}-${r}`,
          straightLine: isStraightLine(framework, tool, answers, minimumItems),
        });
        if (batch.size >= RESPONSE_BATCH) {
          responses += await batch.flush();
          options.onResponses(responses);
        }
      }
      if (n > 0)
        tallies.push({
          agencyId: agency.id,
          assessmentId: assessment.id,
          tool,
          frameworkId: framework.id,
          respondents: n,
          counts: `{${sum.join(",")}}`,
        });
    }
    if (tallies.length >= ROW_BATCH) await insertTallies(db, tallies.splice(0));
  }
  responses += await batch.flush();
  options.onResponses(responses);
  await insertTallies(db, tallies);
  const verdicts = await insertVerdicts(db, agencies, year, random);
  return { responses, verdicts };
}

interface TallyRow {
  agencyId: string;
  assessmentId: string;
  tool: string;
  frameworkId: string;
  respondents: number;
  counts: string;
}

interface ResponseRow {
  agencyId: string;
  assessmentId: string;
  tool: string;
  answers: string;
  day: string;
  key: string;
  straightLine: boolean;
}

/** Responses gathered column by column and stored with one multi-row statement. */
class ResponseBatch {
  private rows: ResponseRow[] = [];
  constructor(private readonly db: Db) {}
  get size(): number {
    return this.rows.length;
  }
  add(row: ResponseRow): void {
    this.rows.push(row);
  }
  async flush(): Promise<number> {
    const rows = this.rows;
    this.rows = [];
    if (rows.length === 0) return 0;
    const col = <T>(pick: (r: ResponseRow) => T) => sql.param(rows.map(pick));
    await this.db.execute(sql`
      insert into survey_responses
        (agency_id, assessment_id, tool, channel, answers, submitted_on, idempotency_key, straight_line)
      select agency_id, assessment_id, tool, 'link', answers::jsonb, day, key, straight_line
        from unnest(${col((r) => r.agencyId)}::uuid[], ${col((r) => r.assessmentId)}::uuid[],
                    ${col((r) => r.tool)}::text[], ${col((r) => r.answers)}::text[],
                    ${col((r) => r.day)}::date[], ${col((r) => r.key)}::text[],
                    ${col((r) => r.straightLine)}::bool[])
          as v(agency_id, assessment_id, tool, answers, day, key, straight_line)`);
    return rows.length;
  }
}

async function insertTallies(db: Db, rows: readonly TallyRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(pick: (r: TallyRow) => T) => sql.param(rows.map(pick));
  await db.execute(sql`
    insert into survey_tallies (agency_id, assessment_id, tool, framework_id, respondents, counts)
    select agency_id, assessment_id, tool, framework_id, respondents, counts::int[]
      from unnest(${col((r) => r.agencyId)}::uuid[], ${col((r) => r.assessmentId)}::uuid[],
                  ${col((r) => r.tool)}::text[], ${col((r) => r.frameworkId)}::text[],
                  ${col((r) => r.respondents)}::int[], ${col((r) => r.counts)}::text[])
        as v(agency_id, assessment_id, tool, framework_id, respondents, counts)`);
}

async function insertAssessments(db: Db, agencies: readonly PlannedAgency[], year: PlannedYear) {
  for (let i = 0; i < year.assessments.length; i += ROW_BATCH) {
    const slice = year.assessments.slice(i, i + ROW_BATCH);
    await db.execute(sql`
      insert into assessments (agency_id, id, fiscal_year, framework_id)
      select agency_id, id, ${year.fiscalYear}, ${year.framework.id}
        from unnest(${sql.param(slice.map((a) => agencies[a.agency]?.id ?? ""))}::uuid[],
                    ${sql.param(slice.map((a) => a.id))}::uuid[]) as v(agency_id, id)`);
  }
}

async function insertSurveys(
  db: Db,
  agencies: readonly PlannedAgency[],
  year: PlannedYear,
  window: { start: string; end: string },
) {
  const { framework } = year;
  const rows = year.assessments.flatMap((a) =>
    surveyTools(framework).map((tool) => ({
      agencyId: agencies[a.agency]?.id ?? "",
      assessmentId: a.id,
      tool,
      token: generateSurveyToken(),
      access: framework.surveys.access[tool] ?? "open",
      population: a.populations[tool] ?? null,
    })),
  );
  for (let i = 0; i < rows.length; i += ROW_BATCH) {
    const slice = rows.slice(i, i + ROW_BATCH);
    const col = <T>(pick: (r: (typeof rows)[number]) => T) => sql.param(slice.map(pick));
    await db.execute(sql`
      insert into surveys (agency_id, assessment_id, tool, token, access, population, opens_on, closes_on)
      select agency_id, assessment_id, tool, token, access, population,
             ${window.start}::date, ${window.end}::date
        from unnest(${col((r) => r.agencyId)}::uuid[], ${col((r) => r.assessmentId)}::uuid[],
                    ${col((r) => r.tool)}::text[], ${col((r) => r.token)}::text[],
                    ${col((r) => r.access)}::text[], ${col((r) => r.population)}::int[])
          as v(agency_id, assessment_id, tool, token, access, population)`);
  }
}

/** Each OIT item passes with the agency's expected quality on the item's indicator. */
async function insertVerdicts(
  db: Db,
  agencies: readonly PlannedAgency[],
  year: PlannedYear,
  random: Random,
): Promise<number> {
  const rows: { agencyId: string; assessmentId: string; itemId: string; verdict: string }[] = [];
  let stored = 0;
  const flush = async () => {
    if (rows.length === 0) return;
    const slice = rows.splice(0);
    const col = <T>(pick: (r: (typeof slice)[number]) => T) => sql.param(slice.map(pick));
    await db.execute(sql`
      insert into oit_verdicts (agency_id, assessment_id, item_id, verdict, decided_by)
      select agency_id, assessment_id, item_id, verdict, 'demo'
        from unnest(${col((r) => r.agencyId)}::uuid[], ${col((r) => r.assessmentId)}::uuid[],
                    ${col((r) => r.itemId)}::text[], ${col((r) => r.verdict)}::text[])
          as v(agency_id, assessment_id, item_id, verdict)`);
    stored += slice.length;
  };
  for (const assessment of year.assessments) {
    const agencyId = agencies[assessment.agency]?.id ?? "";
    for (const sub of year.framework.oit)
      for (const item of sub.items)
        rows.push({
          agencyId,
          assessmentId: assessment.id,
          itemId: item.id,
          verdict: random() < (assessment.quality.get(sub.indicator) ?? 0) ? "pass" : "fail",
        });
    if (rows.length >= RESPONSE_BATCH) await flush();
  }
  await flush();
  return stored;
}

/** Every day from `start` to `end` (YYYY-MM-DD), inclusive. */
function dayRange(start: string, end: string): string[] {
  const days: string[] = [];
  for (
    let t = Date.parse(`${start}T00:00:00Z`);
    t <= Date.parse(`${end}T00:00:00Z`);
    t += 86_400_000
  )
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}
