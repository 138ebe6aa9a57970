import type { EarlierYear } from "../analysis/analyse-result.ts";
import { DomainError, type IssueDetail } from "../errors.ts";
import { oitItems } from "../framework/lookup.ts";
import type { Framework } from "../framework/schema.ts";
import { type OitVerdicts, oitIndicatorScores } from "../scoring/oit-scores.ts";
import { type ScoreResult, scoreFromIndicators } from "../scoring/overall.ts";
import {
  type CalendarDate,
  fiscalYearOf,
  fiscalYearRange,
  formatThaiDate,
  parseCalendarDate,
  toIsoDate,
} from "../thai/dates.ts";
import { roundHalfUp } from "../thai/numerals.ts";
import { invalidError, zodDetails } from "../validation.ts";
import { type AgencyYearFile, agencyYearSchema } from "./schema.ts";

export interface Measure {
  title: string;
  steps: string[];
  responsible: string[];
  monitoring: { date: CalendarDate; activity: string }[];
  indicators: number[];
  oitItems: string[];
}

export interface AgencyYear {
  file: AgencyYearFile;
  framework: Framework;
  result: ScoreResult;
  indicators: Map<number, number>;
  questions: Map<string, number> | undefined;
  verdicts: OitVerdicts | undefined;
  history: EarlierYear[];
  measures: Measure[];
  approvalDate: CalendarDate | undefined;
}

const subject = { th: "ไฟล์ข้อมูลหน่วยงานประจำปีไม่ถูกต้อง", en: "invalid agency-year file" };
const toMap = (record: Record<string, number>) =>
  new Map(Object.entries(record).map(([k, v]) => [Number(k), v]));

/** Validates an agency-year file against its framework; every problem is reported at once. */
export function parseAgencyYear(raw: unknown, frameworks: Map<string, Framework>): AgencyYear {
  const shapeProblems = zodDetails(agencyYearSchema, raw);
  if (shapeProblems.length > 0) throw invalidError("INPUT_INVALID", subject, shapeProblems);
  const file = agencyYearSchema.parse(raw);
  const problems: IssueDetail[] = [];
  const add = (path: string, th: string, en: string) => problems.push({ path, th, en });

  const frameworkId = file.results.framework ?? `ita-${file.results.fiscalYear}`;
  const framework = frameworks.get(frameworkId);
  if (!framework) {
    const known = [...frameworks.keys()].join(", ");
    add(
      "results.framework",
      `ไม่พบกรอบการประเมิน ${frameworkId} (มี: ${known})`,
      `unknown framework ${frameworkId} (known: ${known})`,
    );
    throw invalidError("INPUT_INVALID", subject, problems);
  }
  if (framework.fiscalYear !== file.results.fiscalYear)
    add(
      "results.framework",
      `กรอบ ${framework.id} เป็นของปี ${framework.fiscalYear} ไม่ใช่ปี ${file.results.fiscalYear}`,
      `${framework.id} is for ${framework.fiscalYear}, not ${file.results.fiscalYear}`,
    );
  if (file.results.fiscalYear > file.fiscalYear)
    add(
      "results.fiscalYear",
      `ผลการประเมินปี ${file.results.fiscalYear} ต้องไม่หลังปีของมาตรการ (${file.fiscalYear})`,
      `results of ${file.results.fiscalYear} cannot be later than the measures' year ${file.fiscalYear}`,
    );

  const numbers = new Set(framework.indicators.map((i) => i.number));
  const indicators = toMap(file.results.indicators);
  for (const n of numbers)
    if (!indicators.has(n))
      add(`results.indicators.${n}`, `ขาดคะแนนตัวชี้วัดที่ ${n}`, `indicator ${n} has no score`);
  for (const n of indicators.keys())
    if (!numbers.has(n))
      add(
        `results.indicators.${n}`,
        `กรอบ ${framework.id} ไม่มีตัวชี้วัดที่ ${n}`,
        `${framework.id} has no indicator ${n}`,
      );

  const questionIds = new Set(framework.questions.map((q) => q.id));
  for (const id of Object.keys(file.results.questions ?? {}))
    if (!questionIds.has(id))
      add(
        `results.questions.${id}`,
        `กรอบ ${framework.id} ไม่มีข้อคำถาม ${id}`,
        `${framework.id} has no question ${id}`,
      );
  const itemIds = new Map(oitItems(framework).map((i) => [i.id.toLowerCase(), i.id]));
  let verdicts: OitVerdicts | undefined;
  if (file.results.oit) {
    verdicts = {};
    for (const [id, v] of Object.entries(file.results.oit)) {
      const known = itemIds.get(id.toLowerCase());
      if (known) verdicts[known] = v;
      else
        add(
          `results.oit.${id}`,
          `กรอบ ${framework.id} ไม่มีข้อ OIT ${id}`,
          `${framework.id} has no OIT item ${id}`,
        );
    }
  }

  if (verdicts) checkVerdicts(framework, verdicts, indicators, add);

  const divisions = new Set(file.agency.divisions);
  const fiscal = file.fiscalYear;
  const measures = file.measures.map((m, i): Measure => {
    m.responsible.forEach((unit, j) => {
      if (!divisions.has(unit))
        add(
          `measures.${i}.responsible.${j}`,
          `"${unit}" ไม่อยู่ในรายชื่อส่วนราชการของหน่วยงาน (agency.divisions)`,
          `"${unit}" is not one of agency.divisions`,
        );
    });
    m.indicators.forEach((n, j) => {
      if (!numbers.has(n))
        add(
          `measures.${i}.indicators.${j}`,
          `กรอบ ${framework.id} ไม่มีตัวชี้วัดที่ ${n}`,
          `${framework.id} has no indicator ${n}`,
        );
    });
    m.oitItems.forEach((id, j) => {
      if (!itemIds.has(id.toLowerCase()))
        add(
          `measures.${i}.oitItems.${j}`,
          `กรอบ ${framework.id} ไม่มีข้อ OIT ${id}`,
          `${framework.id} has no OIT item ${id}`,
        );
    });
    const monitoring = m.monitoring.flatMap((entry, j) => {
      const date = checkDate(`measures.${i}.monitoring.${j}.date`, entry.date, fiscal, add);
      return date ? [{ date, activity: entry.activity }] : [];
    });
    return { ...m, monitoring };
  });
  const approvalDate = file.approval.date
    ? checkDate("approval.date", file.approval.date, fiscal, add)
    : undefined;

  const seenYears = new Set<number>();
  const history: EarlierYear[] = file.history.map((h, i) => {
    if (h.fiscalYear >= file.results.fiscalYear)
      add(
        `history.${i}.fiscalYear`,
        `ปีก่อนหน้าต้องก่อนปี ${file.results.fiscalYear}`,
        `earlier years must precede ${file.results.fiscalYear}`,
      );
    if (seenYears.has(h.fiscalYear))
      add(`history.${i}.fiscalYear`, `ปี ${h.fiscalYear} ซ้ำ`, `year ${h.fiscalYear} appears twice`);
    seenYears.add(h.fiscalYear);
    return {
      fiscalYear: h.fiscalYear,
      overall: h.overall,
      level: h.level,
      indicators: h.indicators ? toMap(h.indicators) : undefined,
    };
  });

  if (problems.length > 0) throw invalidError("INPUT_INVALID", subject, problems);
  const result = scoreFromIndicators(framework, indicators);
  checkOfficial(file, result);
  return {
    file,
    framework,
    result,
    indicators,
    questions: file.results.questions ? new Map(Object.entries(file.results.questions)) : undefined,
    verdicts,
    history,
    measures,
    approvalDate,
  };
}

/** Item verdicts must be complete and give the checklist indicators' scores. */
function checkVerdicts(
  framework: Framework,
  verdicts: OitVerdicts,
  indicators: Map<number, number>,
  add: (path: string, th: string, en: string) => void,
): void {
  const missing = oitItems(framework)
    .filter((item) => !verdicts[item.id])
    .map((item) => item.id);
  if (missing.length > 0) {
    const list = missing.join(", ");
    add(
      "results.oit",
      `ผลรายข้อ OIT ต้องครบทุกข้อ ยังขาด: ${list}`,
      `OIT verdicts must cover every item; missing: ${list}`,
    );
    return;
  }
  for (const [n, derived] of oitIndicatorScores(framework, verdicts)) {
    const given = indicators.get(n);
    if (given !== undefined && Math.abs(given - derived) > 0.01 + 1e-9) {
      const shown = roundHalfUp(derived, 2);
      add(
        `results.indicators.${n}`,
        `คะแนนตัวชี้วัดที่ ${n} (${given}) ไม่ตรงกับคะแนนที่คำนวณจากผลรายข้อ OIT (${shown})`,
        `indicator ${n} (${given}) differs from the score its OIT verdicts give (${shown})`,
      );
    }
  }
}

function checkDate(
  path: string,
  text: string,
  fiscal: number,
  add: (path: string, th: string, en: string) => void,
): CalendarDate | undefined {
  const date = parseCalendarDate(text);
  if (!date) {
    add(path, `วันที่ ${text} ไม่มีอยู่จริง`, `${text} is not a real date`);
    return undefined;
  }
  if (fiscalYearOf(date) !== fiscal) {
    const { start, end } = fiscalYearRange(fiscal);
    add(
      path,
      `วันที่ ${text} ไม่อยู่ในปีงบประมาณ พ.ศ. ${fiscal} (${formatThaiDate(start, "arabic")} – ${formatThaiDate(end, "arabic")})`,
      `${text} is outside fiscal year ${fiscal} (${toIsoDate(start)} to ${toIsoDate(end)})`,
    );
  }
  return date;
}

/** A published total that the published indicators do not give is refused, naming both. */
function checkOfficial(file: AgencyYearFile, result: ScoreResult): void {
  const official = file.results.official;
  if (!official) return;
  const recomputed = roundHalfUp(result.overall, 2);
  const details: IssueDetail[] = [];
  if (Math.abs(result.overall - official.overall) > 0.01 + 1e-9)
    details.push({
      path: "results.official.overall",
      th: `คะแนนรวมที่ประกาศ ${official.overall} ไม่ตรงกับคะแนนที่คำนวณจากตัวชี้วัด ${recomputed}`,
      en: `the official total ${official.overall} differs from the total recomputed from the indicators, ${recomputed}`,
    });
  if (official.level && official.level !== result.level)
    details.push({
      path: "results.official.level",
      th: `ระดับที่ประกาศ ${official.level} ไม่ตรงกับระดับที่คำนวณได้ ${result.level}`,
      en: `the official level ${official.level} differs from the recomputed level ${result.level}`,
    });
  if (details.length > 0)
    throw new DomainError(
      "OFFICIAL_TOTAL_MISMATCH",
      `official results contradict the indicators: ${details.map((d) => d.en).join("; ")}`,
      { userMessage: "ผลการประเมินที่ประกาศขัดแย้งกับคะแนนรายตัวชี้วัด", details },
    );
}
