import { sql } from "drizzle-orm";
import type { Framework } from "../../domain/framework/schema.ts";
import { discrepancyOf } from "../../domain/results/check-result.ts";
import { type OitVerdicts, oitIndicatorScores } from "../../domain/scoring/oit-scores.ts";
import { scoreFromIndicators } from "../../domain/scoring/overall.ts";
import {
  addVectorScores,
  type VectorPlan,
  vectorPlan,
} from "../../domain/scoring/vector-scores.ts";
import { type Db, queryRows } from "../db/database.ts";
import { NATIONAL_SCOPE } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";

export interface RescoreOptions {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  actor: string;
  /** Only this fiscal year; every year when absent. */
  fiscalYear?: number | undefined;
}

export interface RescoreReport {
  /** Assessments whose computed result was written. */
  scored: number;
  /** Assessments left as they are, with the reason in Thai and English. */
  skipped: { agencyId: string; assessmentId: string; th: string; en: string }[];
  /** How many scored results reach each level, and each rating (when the year has one). */
  levels: Record<string, number>;
  ratings: Record<string, number>;
}

interface Row {
  agency_id: string;
  id: string;
  framework_id: string;
  /** Each tool's stored tally, as JSON (parsed far faster than PostgreSQL's array text). */
  tallies: { tool: string; respondents: number; counts: number[] }[] | null;
  passed: string[] | null;
  judged: number;
  source: string | null;
  official_overall: number | null;
}

/**
 * Every assessment's ten indicators, total, level and rating computed again from the stored
 * tallies and OIT verdicts — never from response rows — and written as its computed result in
 * one statement. Results entered or imported from the official figures are left alone.
 */
export async function rescoreResults(options: RescoreOptions): Promise<RescoreReport> {
  const { db, frameworks } = options;
  const plans = await readPlans(db, frameworks);
  const year =
    options.fiscalYear === undefined ? sql`` : sql`and a.fiscal_year = ${options.fiscalYear}`;
  const rows = await queryRows<Row>(
    db,
    sql`
    select a.agency_id, a.id, a.framework_id,
      (select json_agg(json_build_object('tool', t.tool, 'respondents', t.respondents,
          'counts', t.counts))
         from survey_tallies t where t.agency_id = a.agency_id and t.assessment_id = a.id) as tallies,
      (select array_agg(v.item_id) filter (where v.verdict = 'pass')
         from oit_verdicts v where v.agency_id = a.agency_id and v.assessment_id = a.id) as passed,
      (select count(*)::int
         from oit_verdicts v where v.agency_id = a.agency_id and v.assessment_id = a.id) as judged,
      r.source, r.official_overall
    from assessments a
    left join results r on r.agency_id = a.agency_id and r.assessment_id = a.id
    where true ${year}`,
  );
  const report: RescoreReport = { scored: 0, skipped: [], levels: {}, ratings: {} };
  const out = {
    agencyIds: [] as string[],
    assessmentIds: [] as string[],
    indicators: [] as string[],
    oit: [] as string[],
    overall: [] as number[],
    level: [] as string[],
    discrepancy: [] as (number | null)[],
  };
  for (const row of rows) {
    const skip = (th: string, en: string) =>
      report.skipped.push({ agencyId: row.agency_id, assessmentId: row.id, th, en });
    if (row.source !== null && row.source !== "computed") {
      skip("ผลนี้กรอกหรือนำเข้าจากผลทางการ จึงไม่คำนวณทับ", "entered or imported official result kept");
      continue;
    }
    const framework = frameworks.get(row.framework_id);
    if (!framework) {
      skip(`ไม่พบกรอบการประเมิน ${row.framework_id}`, `framework ${row.framework_id} is not loaded`);
      continue;
    }
    const scored = scoreRow(framework, plans, row);
    if (typeof scored === "string") {
      skip(`ยังคำนวณไม่ได้: ${scored}`, `cannot score yet: ${scored}`);
      continue;
    }
    out.agencyIds.push(row.agency_id);
    out.assessmentIds.push(row.id);
    out.indicators.push(JSON.stringify(scored.indicators));
    out.oit.push(JSON.stringify(scored.oit));
    out.overall.push(scored.overall);
    out.level.push(scored.level);
    out.discrepancy.push(discrepancyOf(row.official_overall, scored.overall));
    report.levels[scored.level] = (report.levels[scored.level] ?? 0) + 1;
    if (scored.rating) report.ratings[scored.rating] = (report.ratings[scored.rating] ?? 0) + 1;
  }
  await db.transaction(async (tx) => {
    if (out.agencyIds.length > 0)
      await tx.execute(sql`
        insert into results (agency_id, assessment_id, source, indicators, oit, computed_overall,
          computed_level, discrepancy, updated_by, updated_at)
        select agency_id, assessment_id, 'computed', indicators::jsonb, oit::jsonb, overall, level,
               discrepancy, ${options.actor}, now()
          from unnest(${sql.param(out.agencyIds)}::uuid[], ${sql.param(out.assessmentIds)}::uuid[],
                      ${sql.param(out.indicators)}::text[], ${sql.param(out.oit)}::text[], ${sql.param(out.overall)}::float8[],
                      ${sql.param(out.level)}::text[], ${sql.param(out.discrepancy)}::float8[])
            as v(agency_id, assessment_id, indicators, oit, overall, level, discrepancy)
        on conflict (agency_id, assessment_id) do update
           set indicators = excluded.indicators, oit = excluded.oit,
               computed_overall = excluded.computed_overall,
               computed_level = excluded.computed_level, discrepancy = excluded.discrepancy,
               updated_by = excluded.updated_by, updated_at = excluded.updated_at
         where results.source = 'computed'
           -- An unchanged result keeps its row and its time: caches and "last changed" stay true.
           and (results.indicators, results.oit, results.computed_overall, results.computed_level,
                results.discrepancy)
               is distinct from (excluded.indicators, excluded.oit, excluded.computed_overall,
                excluded.computed_level, excluded.discrepancy)`);
    report.scored = out.agencyIds.length;
    // One national entry for the whole run: what was recomputed, not each agency's figures.
    await appendAudit({
      db: tx,
      agencyId: NATIONAL_SCOPE,
      actor: options.actor,
      action: "results.rescore",
      entity: "results",
      entityId: options.fiscalYear === undefined ? "all" : String(options.fiscalYear),
      after: { scored: report.scored, skipped: report.skipped.length, levels: report.levels },
    });
  });
  return report;
}

type Scored = {
  indicators: Record<string, number>;
  oit: OitVerdicts;
  overall: number;
  level: string;
  rating: string | undefined;
};

/** One assessment's scores, or why it cannot be scored yet. */
function scoreRow(
  framework: Framework,
  plans: ReadonlyMap<string, VectorPlan>,
  row: Row,
): Scored | string {
  if (row.judged === 0) return "ยังไม่มีผลตรวจ OIT / no OIT verdicts";
  const scores = new Map<number, number>();
  for (const t of row.tallies ?? []) {
    const plan = plans.get(`${row.framework_id}|${t.tool}`);
    if (plan) addVectorScores(plan, t.counts, scores);
  }
  const passed = new Set(row.passed ?? []);
  const oit: OitVerdicts = {};
  for (const sub of framework.oit)
    for (const item of sub.items) oit[item.id] = passed.has(item.id) ? "pass" : "fail";
  for (const [n, v] of oitIndicatorScores(framework, oit)) scores.set(n, v);
  const missing = framework.indicators.filter((i) => !scores.has(i.number));
  if (missing.length > 0)
    return `ตัวชี้วัด ${missing.map((i) => i.number).join(", ")} ยังไม่มีผู้ตอบ / indicators ${missing.map((i) => i.number).join(", ")} have no answers`;
  const result = scoreFromIndicators(framework, scores);
  return {
    indicators: Object.fromEntries(result.indicators.map((i) => [String(i.number), i.score])),
    oit,
    overall: result.overall,
    level: result.level,
    rating: result.rating?.id,
  };
}

/** Each stored tally layout compiled into its scoring plan, once per run. */
async function readPlans(
  db: Db,
  frameworks: ReadonlyMap<string, Framework>,
): Promise<Map<string, VectorPlan>> {
  const rows = await queryRows<{
    framework_id: string;
    tool: string;
    item_ids: string[];
    option_ids: string[];
  }>(db, sql`select framework_id, tool, item_ids, option_ids from survey_tally_layouts`);
  const plans = new Map<string, VectorPlan>();
  for (const r of rows) {
    const framework = frameworks.get(r.framework_id);
    if (framework)
      plans.set(
        `${r.framework_id}|${r.tool}`,
        vectorPlan(framework, { itemIds: r.item_ids, optionIds: r.option_ids }),
      );
  }
  return plans;
}
