import { and, asc, eq, ne } from "drizzle-orm";
import { type AgencyYear, parseAgencyYear } from "../../domain/agency-year/parse-agency-year.ts";
import type { AgencyYearFile } from "../../domain/agency-year/schema.ts";
import { DomainError, type IssueDetail } from "../../domain/errors.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import type { Db } from "../db/database.ts";
import { agencies, measures } from "../db/schema.ts";
import { findAssessment } from "./find-assessment.ts";
import { findEarlierResults, noEarlierResult } from "./find-earlier-results.ts";

export interface LoadMeasuresInputOptions {
  db: Db;
  frameworks: Map<string, Framework>;
  agencyId: string;
  assessmentId: string;
}

export interface MeasuresInput {
  /** The agency-year data exactly as the document is built from it (JSON, no undefined). */
  input: AgencyYearFile;
  year: AgencyYear;
}

type MeasureRow = typeof measures.$inferSelect;

/**
 * Assembles the agency-year data of the measures of an assessment (fiscal year N) from the
 * database — the latest earlier result is what they analyse (ADR 0005) — and validates it as the
 * CLI validates a file, so a document is never built from incomplete or inconsistent data.
 */
export async function loadMeasuresInput(options: LoadMeasuresInputOptions): Promise<MeasuresInput> {
  const { db, agencyId, assessmentId } = options;
  const assessment = await findAssessment({ db, agencyId, assessmentId });
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, agencyId));
  if (!agency) throw new Error(`assessment ${assessmentId} has no agency ${agencyId}`);
  const earlier = await findEarlierResults({ db, agencyId, fiscalYear: assessment.fiscalYear });
  // A cancelled measure is not part of the plan the document announces.
  const rows = await db
    .select()
    .from(measures)
    .where(
      and(
        eq(measures.agencyId, agencyId),
        eq(measures.assessmentId, assessmentId),
        ne(measures.status, "cancelled"),
      ),
    )
    .orderBy(asc(measures.position), asc(measures.createdAt));

  const [analysed, ...older] = earlier;
  const missing = missingPrerequisites(assessment.fiscalYear, analysed !== undefined, rows);
  if (!analysed || missing.length > 0) throw incomplete(missing);

  const input: AgencyYearFile = {
    agency: {
      name: agency.name,
      ...(agency.nameEn ? { nameEn: agency.nameEn } : {}),
      type: agency.type as AgencyYearFile["agency"]["type"],
      district: agency.district,
      province: agency.province,
      website: agency.website,
      head: head(agency),
      divisions: agency.divisions,
    },
    fiscalYear: assessment.fiscalYear,
    results: {
      fiscalYear: analysed.fiscalYear,
      framework: analysed.frameworkId,
      indicators: analysed.result.indicators,
      ...(analysed.result.oit ? { oit: analysed.result.oit } : {}),
      ...(analysed.result.officialOverall !== null
        ? {
            official: {
              overall: analysed.result.officialOverall,
              ...(analysed.result.officialLevel ? { level: analysed.result.officialLevel } : {}),
            },
          }
        : {}),
    },
    history: older.reverse().map(({ fiscalYear, result: r }) => ({
      fiscalYear,
      overall: r.officialOverall ?? r.computedOverall,
      level: r.officialLevel ?? r.computedLevel,
      indicators: r.indicators,
    })),
    measures: rows.map((m) => ({
      title: m.title,
      steps: m.steps,
      responsible: m.responsible,
      monitoring: m.monitoring.map(({ date, activity }) => ({ date, activity })),
      indicators: m.indicators,
      oitItems: m.oitItems,
    })),
    ...(assessment.thresholds ? { thresholds: assessment.thresholds } : {}),
    approval: {
      signatory: head(agency),
      ...(assessment.approvedOn ? { date: assessment.approvedOn } : {}),
    },
  };
  return { input, year: validate(input, rows, options.frameworks) };
}

function head(agency: { headName: string | null; headPosition: string }) {
  return agency.headName
    ? { name: agency.headName, position: agency.headPosition }
    : { position: agency.headPosition };
}

/** What the coordinator must add before the document can be built, in the order to add it. */
function missingPrerequisites(
  year: number,
  hasEarlierResult: boolean,
  rows: MeasureRow[],
): IssueDetail[] {
  const details: IssueDetail[] = [];
  if (!hasEarlierResult) details.push({ path: "results", ...noEarlierResult(year) });
  if (rows.length === 0)
    details.push({
      path: "measures",
      th: `ยังไม่มีมาตรการของปีงบประมาณ ${year} ให้เพิ่มมาตรการอย่างน้อย 1 มาตรการ`,
      en: `fiscal year ${year} has no measures yet: add at least one measure`,
    });
  const parts = [
    ["steps", "ขั้นตอนหรือวิธีการดำเนินการ", "steps"],
    ["responsible", "ส่วนราชการผู้รับผิดชอบ", "responsible divisions"],
    ["monitoring", "กำหนดการติดตามผล (วันที่และกิจกรรม)", "monitoring dates and activities"],
    ["indicators", "ตัวชี้วัดที่มาตรการนี้ยกระดับ", "the indicators it improves"],
  ] as const;
  rows.forEach((m, i) => {
    for (const [field, th, en] of parts)
      if (m[field].length === 0)
        details.push({
          path: `measures.${i}.${field}`,
          th: `มาตรการ "${m.title}" ยังไม่มี${th} ให้เพิ่มก่อน`,
          en: `measure "${m.title}" has no ${en}: add them first`,
        });
  });
  return details;
}

function incomplete(details: IssueDetail[]): DomainError {
  const list = details.map((d) => `${d.path}: ${d.en}`).join("; ");
  return new DomainError("DATA_INCOMPLETE", `the document cannot be built yet: ${list}`, {
    userMessage: `ยังสร้างเอกสารไม่ได้ ข้อมูลยังไม่ครบหรือขัดแย้งกัน ${details.length} รายการ`,
    details,
  });
}

/** The CLI's own validation; a problem with a measure names the measure, not only its position. */
function validate(
  input: AgencyYearFile,
  rows: MeasureRow[],
  frameworks: Map<string, Framework>,
): AgencyYear {
  try {
    return parseAgencyYear(input, frameworks);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== "INPUT_INVALID") throw error;
    throw incomplete(
      error.details.map((d) => {
        const title = rows[Number(/^measures\.(\d+)/.exec(d.path)?.[1])]?.title;
        return title === undefined
          ? d
          : { path: d.path, th: `มาตรการ "${title}": ${d.th}`, en: `measure "${title}": ${d.en}` };
      }),
    );
  }
}
