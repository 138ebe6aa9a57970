import { and, asc, eq, sql } from "drizzle-orm";
import type { Framework } from "../../domain/framework/schema.ts";
import { surveyIndicatorScores } from "../../domain/scoring/survey-scores.ts";
import { surveyTools } from "../../domain/survey/survey-form.ts";
import type { SurveyFlag, SurveyFlagsResponse } from "../../shared/survey-integrity.ts";
import { type Db, queryRows } from "../db/database.ts";
import { assessments, results, surveyFlags } from "../db/schema.ts";
import { findAssessment } from "./find-assessment.ts";
import { flagText, median } from "./survey-flag-text.ts";
import { ensureSurveys, frameworkOf } from "./survey-rows.ts";
import { readTallies } from "./survey-tally-rows.ts";

type Scope = { db: Db; agencyId: string; assessmentId: string };

/**
 * The integrity flags of an assessment's surveys, per tool, for evaluators: bursts recorded while
 * collecting, unusually busy days, straight-lined and duplicated answer sets, more respondents
 * than the population, and indicators far from last year's result. Only counts and days leave
 * here: never a response id or its answers.
 */
export async function listSurveyFlags({
  db,
  frameworks,
  agencyId,
  assessmentId,
}: Scope & { frameworks: ReadonlyMap<string, Framework> }): Promise<SurveyFlagsResponse> {
  const assessment = await findAssessment({ db, agencyId, assessmentId });
  const framework = frameworkOf(frameworks, assessment.frameworkId);
  const rules = framework.surveys.integrity;
  const scope = { db, agencyId, assessmentId };
  const [surveys, tallies, bursts, days, counts, duplicates, previous] = await Promise.all([
    ensureSurveys({ db, framework, agencyId, assessmentId }),
    readTallies(db, { agencyId, assessmentId }),
    burstRows(scope),
    dayRows(scope),
    straightLineRows(scope),
    duplicateRows(scope),
    previousResult({ db, agencyId, fiscalYear: assessment.fiscalYear - 1 }),
  ]);
  const scores = surveyIndicatorScores(framework, tallies);
  const previousFramework = previous && frameworks.get(previous.frameworkId);
  const tools = surveyTools(framework).map((tool) => {
    const respondents = tallies.respondents[tool] ?? 0;
    const flags: SurveyFlag[] = [];
    for (const b of bursts.filter((r) => r.tool === tool))
      flags.push({
        kind: "burst",
        ...flagText.burst(b.day, b.peak, rules),
        day: b.day,
        peak: b.peak,
      });
    // A day is busy when it has more than `rules.busyDayFactor` times the median day's responses and
    // more than the burst minimum: one day may be a meeting where everyone answered together.
    const perDay = days.filter((d) => d.tool === tool);
    const middle = median(perDay.map((d) => d.n));
    for (const d of perDay)
      if (d.n > rules.busyDayFactor * middle && d.n > rules.burstMinimum)
        flags.push({
          kind: "busy_day",
          ...flagText.busyDay(d.day, d.n, middle, rules.busyDayFactor),
          day: d.day,
          responses: d.n,
          medianPerDay: middle,
        });
    const straight = counts.find((c) => c.tool === tool)?.n ?? 0;
    if (straight > 0)
      flags.push({
        kind: "straight_line",
        ...flagText.straightLine(straight, respondents, rules.straightLineMinimumItems),
        responses: straight,
        respondents,
      });
    const dup = duplicates.find((d) => d.tool === tool);
    if (dup && dup.groups > 0)
      flags.push({
        kind: "duplicate_answers",
        ...flagText.duplicates(dup.groups, dup.extra),
        groups: dup.groups,
        extraResponses: dup.extra,
      });
    const population = surveys.find((s) => s.tool === tool)?.population;
    if (population !== null && population !== undefined && respondents > population)
      flags.push({
        kind: "over_population",
        ...flagText.overPopulation(respondents, population),
        respondents,
        population,
      });
    for (const indicator of framework.indicators.filter((i) => i.tool === tool)) {
      const score = scores.get(indicator.number);
      const before = previous?.indicators[String(indicator.number)];
      // Indicator numbers are compared only where last year's framework gave the number to the same tool.
      const sameTool =
        !previousFramework ||
        previousFramework.indicators.some((i) => i.number === indicator.number && i.tool === tool);
      if (score === undefined || before === undefined || !previous || !sameTool) continue;
      if (Math.abs(score - before) < rules.historyDriftPoints) continue;
      flags.push({
        kind: "history_drift",
        ...flagText.drift(indicator.number, score, before, previous.fiscalYear, rules),
        indicator: indicator.number,
        score,
        previous: before,
        previousFiscalYear: previous.fiscalYear,
      });
    }
    return { tool, respondents, flags };
  });
  return {
    assessmentId,
    fiscalYear: assessment.fiscalYear,
    rules,
    tools,
  };
}

const inScope = ({ agencyId, assessmentId }: Scope) =>
  sql`agency_id = ${agencyId} and assessment_id = ${assessmentId}`;

function burstRows({ db, agencyId, assessmentId }: Scope) {
  return db
    .select({ tool: surveyFlags.tool, day: surveyFlags.day, peak: surveyFlags.peak })
    .from(surveyFlags)
    .where(
      and(
        eq(surveyFlags.agencyId, agencyId),
        eq(surveyFlags.assessmentId, assessmentId),
        eq(surveyFlags.kind, "burst"),
      ),
    )
    .orderBy(asc(surveyFlags.tool), asc(surveyFlags.day));
}

function dayRows(scope: Scope) {
  return queryRows<{ tool: string; day: string; n: number }>(
    scope.db,
    sql`select tool, to_char(submitted_on, 'YYYY-MM-DD') as day, count(*)::int as n
          from survey_responses where ${inScope(scope)}
         group by tool, submitted_on order by tool, submitted_on`,
  );
}

function straightLineRows(scope: Scope) {
  return queryRows<{ tool: string; n: number }>(
    scope.db,
    sql`select tool, count(*)::int as n from survey_responses
         where ${inScope(scope)} and straight_line group by tool`,
  );
}

function duplicateRows(scope: Scope) {
  return queryRows<{ tool: string; groups: number; extra: number }>(
    scope.db,
    sql`select tool, count(*)::int as groups, sum(n - 1)::int as extra
          from (select tool, count(*) as n from survey_responses where ${inScope(scope)}
                 group by tool, submitted_on, answers having count(*) > 1) same
         group by tool`,
  );
}

/** The agency's result of the given fiscal year with that year's framework, if one is stored. */
async function previousResult({
  db,
  agencyId,
  fiscalYear,
}: {
  db: Db;
  agencyId: string;
  fiscalYear: number;
}) {
  const [row] = await db
    .select({
      fiscalYear: assessments.fiscalYear,
      frameworkId: assessments.frameworkId,
      indicators: results.indicators,
    })
    .from(assessments)
    .innerJoin(
      results,
      and(eq(results.agencyId, assessments.agencyId), eq(results.assessmentId, assessments.id)),
    )
    .where(and(eq(assessments.agencyId, agencyId), eq(assessments.fiscalYear, fiscalYear)));
  return row;
}
