import { and, eq, sql } from "drizzle-orm";
import type { AgencyYear } from "../../domain/agency-year/parse-agency-year.ts";
import type { AgencyYearFile } from "../../domain/agency-year/schema.ts";
import { DomainError, type IssueDetail } from "../../domain/errors.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import { canonicalOitItems } from "../../domain/plan/check-measure.ts";
import {
  type CheckedResult,
  checkResult,
  type ResultField,
} from "../../domain/results/check-result.ts";
import { fiscalYearRange, toIsoDate } from "../../domain/thai/dates.ts";
import { invalidError } from "../../domain/validation.ts";
import type { Db } from "../db/database.ts";
import { agencies, assessments, measures } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";
import { createAgency } from "./create-agency.ts";
import { toMeasureResponse } from "./measure-rows.ts";
import { saveResult } from "./save-result.ts";

export interface LoadAgencyYearOptions {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  actor: string;
  /** An agency-year file already parsed and validated by `parseAgencyYear`. */
  file: AgencyYear;
}

export interface LoadedAssessment {
  id: string;
  fiscalYear: number;
  frameworkId: string;
  /** Whether a result was stored with it. */
  result: boolean;
}

export interface LoadedAgencyYear {
  agencyId: string;
  /** Every assessment created, oldest year first. */
  assessments: LoadedAssessment[];
  /** The assessment of the measures' year (`fiscalYear`). */
  assessmentId: string;
  measureIds: string[];
}

/** A year to create: its framework and, when the file gives one, its checked result. */
interface PlannedYear {
  fiscalYear: number;
  framework: Framework;
  result: CheckedResult | undefined;
}

const subject = {
  th: "นำเข้าไฟล์ข้อมูลหน่วยงานประจำปีไม่ได้",
  en: "cannot load the agency-year file",
};

/**
 * Registers an agency from its agency-year file with its years — the analysed result, earlier
 * results with every indicator, and the measures' year with its plan — in one transaction.
 */
export async function loadAgencyYear(options: LoadAgencyYearOptions): Promise<LoadedAgencyYear> {
  const { db, actor, file: year } = options;
  const { file } = year;
  // Every check runs before the first write, so a refused file changes nothing.
  const planned = planYears(year, options.frameworks);
  return db.transaction(async (tx) => {
    await refuseDuplicate(tx, file.agency);
    const { id: agencyId } = await createAgency({ db: tx, actor, agency: file.agency });
    const created: LoadedAssessment[] = [];
    for (const p of planned) {
      const measuresYear = p.fiscalYear === file.fiscalYear;
      const [row] = await tx
        .insert(assessments)
        .values({
          agencyId,
          fiscalYear: p.fiscalYear,
          frameworkId: p.framework.id,
          ...(measuresYear
            ? {
                thresholds: file.thresholds ?? null,
                approvedOn: year.approvalDate ? toIsoDate(year.approvalDate) : null,
              }
            : {}),
        })
        .returning();
      if (!row) throw new Error("insert returned no assessment");
      await appendAudit({
        db: tx,
        agencyId,
        actor,
        action: "assessment.open",
        entity: "assessment",
        entityId: row.id,
        after: { ...row, createdAt: row.createdAt.toISOString() },
      });
      if (p.result)
        await saveResult({
          db: tx,
          actor,
          agencyId,
          assessmentId: row.id,
          source: "imported",
          result: p.result,
        });
      created.push({
        id: row.id,
        fiscalYear: p.fiscalYear,
        frameworkId: p.framework.id,
        result: p.result !== undefined,
      });
    }
    const assessmentId = created.find((a) => a.fiscalYear === file.fiscalYear)?.id;
    if (!assessmentId) throw new Error(`no assessment of ${file.fiscalYear} was planned`);
    const measureIds: string[] = [];
    for (const [i, m] of year.measures.entries()) {
      const [row] = await tx
        .insert(measures)
        .values({ agencyId, assessmentId, position: i + 1, ...measureValues(year, m) })
        .returning();
      if (!row) throw new Error("insert returned no measure");
      await appendAudit({
        db: tx,
        agencyId,
        actor,
        action: "measure.create",
        entity: "measure",
        entityId: row.id,
        after: toMeasureResponse(row),
      });
      measureIds.push(row.id);
    }
    return { agencyId, assessments: created, assessmentId, measureIds };
  });
}

/** The years to create, oldest first; earlier years without every indicator are left out. */
function planYears(year: AgencyYear, frameworks: ReadonlyMap<string, Framework>): PlannedYear[] {
  const { file } = year;
  const problems: IssueDetail[] = [];
  const check = (
    framework: Framework,
    input: Parameters<typeof checkResult>[1],
    prefix: string,
  ): CheckedResult | undefined => {
    const checked = checkResult(framework, input, (field) => fieldPath(prefix, field));
    if (checked.ok) return checked.result;
    problems.push(...checked.problems);
    return undefined;
  };
  const planned = new Map<number, PlannedYear>();
  planned.set(file.results.fiscalYear, {
    fiscalYear: file.results.fiscalYear,
    framework: year.framework,
    result: check(year.framework, file.results, "results"),
  });
  file.history.forEach((h, i) => {
    const framework = frameworks.get(`ita-${h.fiscalYear}`);
    const indicators = h.indicators;
    if (!framework || !indicators) return;
    if (!framework.indicators.every((n) => String(n.number) in indicators)) return;
    const official = h.overall === undefined ? undefined : { overall: h.overall, level: h.level };
    planned.set(h.fiscalYear, {
      fiscalYear: h.fiscalYear,
      framework,
      result: check(framework, { indicators, official }, `history.${i}`),
    });
  });
  if (!planned.has(file.fiscalYear)) {
    const framework = frameworkOfYear(frameworks, file.fiscalYear);
    if (framework)
      planned.set(file.fiscalYear, { fiscalYear: file.fiscalYear, framework, result: undefined });
    else
      problems.push({
        path: "fiscalYear",
        th: `ไม่มีกรอบการประเมินของปีงบประมาณ ${file.fiscalYear} หรือก่อนหน้า`,
        en: `no framework for fiscal year ${file.fiscalYear} or earlier`,
      });
  }
  if (problems.length > 0) throw invalidError("INPUT_INVALID", subject, problems);
  return [...planned.values()].sort((a, b) => a.fiscalYear - b.fiscalYear);
}

/** `ita-<year>`, else the latest framework of an earlier year (a new year's may not be published yet). */
function frameworkOfYear(
  frameworks: ReadonlyMap<string, Framework>,
  fiscalYear: number,
): Framework | undefined {
  const exact = frameworks.get(`ita-${fiscalYear}`);
  if (exact) return exact;
  return [...frameworks.values()]
    .filter((f) => f.fiscalYear <= fiscalYear)
    .sort((a, b) => b.fiscalYear - a.fiscalYear)[0];
}

function fieldPath(prefix: string, field: ResultField): string {
  switch (field.kind) {
    case "indicator":
      return `${prefix}.indicators.${field.number}`;
    case "oit":
      return `${prefix}.oit.${field.id}`;
    case "official-overall":
      return prefix === "results" ? "results.official.overall" : `${prefix}.overall`;
    case "official-level":
      return prefix === "results" ? "results.official.level" : `${prefix}.level`;
  }
}

/** A measure of the file as a row: Gregorian dates, planned, due on its last monitoring day. */
function measureValues(year: AgencyYear, m: AgencyYear["measures"][number]) {
  const { start, end } = fiscalYearRange(year.file.fiscalYear);
  const monitoring = m.monitoring.map((e) => ({ date: toIsoDate(e.date), activity: e.activity }));
  const last = monitoring
    .map((e) => e.date)
    .sort()
    .at(-1);
  return {
    title: m.title,
    steps: m.steps,
    responsible: m.responsible,
    indicators: m.indicators,
    // Items are named in the analysed year's framework, which the file was checked against.
    oitItems: canonicalOitItems(year.framework, m.oitItems),
    monitoring,
    startDate: toIsoDate(start),
    dueDate: last ?? toIsoDate(end),
    status: "planned" as const,
    progress: 0,
  };
}

/** The same agency twice would split its history; a second file for it is refused. */
async function refuseDuplicate(tx: Db, agency: AgencyYearFile["agency"]): Promise<void> {
  // Two loads of the same agency at once wait for each other instead of both inserting.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`agency:${agency.name}|${agency.province}`}))`,
  );
  const [existing] = await tx
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.name, agency.name), eq(agencies.province, agency.province)))
    .limit(1);
  if (existing)
    throw new DomainError(
      "CONFLICT",
      `an agency named ${agency.name} in ${agency.province} already exists`,
      {
        userMessage: `มีหน่วยงาน "${agency.name}" จังหวัด${agency.province} อยู่แล้ว ไม่ได้นำเข้าข้อมูลใด`,
        details: [
          {
            path: "agency.name",
            th: `หน่วยงานนี้ลงทะเบียนไว้แล้ว (${existing.id}) ให้แก้ไขข้อมูลในระบบแทนการนำเข้าซ้ำ`,
            en: `this agency is already registered (${existing.id}): change it in Prongsai instead of loading it again`,
          },
        ],
      },
    );
}
