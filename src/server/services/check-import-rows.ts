import { inArray } from "drizzle-orm";
import type { IssueDetail } from "../../domain/errors.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import { type CheckedResult, checkResult } from "../../domain/results/check-result.ts";
import type { HeaderMap } from "../../domain/results/import-columns.ts";
import {
  cellPath,
  type ImportRowValues,
  resultFieldPath,
} from "../../domain/results/import-row.ts";
import { type Actor, authorize } from "../auth/authorize.ts";
import type { Db } from "../db/database.ts";
import { agencies, assessments } from "../db/schema.ts";

/** A row that passed every check, ready to write. */
export interface ImportRow {
  row: number;
  agencyId: string;
  fiscalYear: number;
  frameworkId: string;
  /** The agency's assessment of the year, or null when the import creates it. */
  assessmentId: string | null;
  result: CheckedResult;
}

export interface CheckImportRowsOptions {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  actor: Actor;
  header: HeaderMap;
  rows: ImportRowValues[];
}

// Values per IN (...) list, well under PostgreSQL's 65,535 bound parameters.
const CHUNK = 5000;

/** Checks each row against the agencies, the actor's rights, the assessments and the framework. */
export async function checkImportRows(
  options: CheckImportRowsOptions,
): Promise<{ rows: ImportRow[]; problems: IssueDetail[] }> {
  const { db, frameworks, actor, header } = options;
  const problems: IssueDetail[] = [];
  const checked: ImportRow[] = [];
  const agencyIndex = await loadAgencies(db, options.rows);
  const existing = await loadAssessments(db, [...agencyIndex.ids]);
  const seen = new Map<string, number>();
  for (const values of options.rows) {
    const { row } = values;
    problems.push(...values.problems);
    const add = (path: string, th: string, en: string) => problems.push({ path, th, en });
    const agencyId = resolveAgency(values, header, actor, agencyIndex, add);
    const year = values.fiscalYear;
    if (!agencyId || year === null) continue;
    const yearPath = cellPath(header, row, { kind: "fiscal-year" });
    const key = `${agencyId}:${year}`;
    const earlier = seen.get(key);
    if (earlier !== undefined)
      add(yearPath, `หน่วยงานและปีนี้ซ้ำกับแถว ${earlier}`, `the same agency and year as row ${earlier}`);
    seen.set(key, row);
    const assessment = existing.get(key);
    const hasFrameworkColumn = [...header.columns.values()].some((c) => c.kind === "framework");
    const frameworkPath = hasFrameworkColumn
      ? cellPath(header, row, { kind: "framework" })
      : yearPath;
    const frameworkId = assessment?.frameworkId ?? values.frameworkId ?? `ita-${year}`;
    if (assessment && values.frameworkId && values.frameworkId !== assessment.frameworkId)
      add(
        frameworkPath,
        `การประเมินปี ${year} ของหน่วยงานนี้ใช้กรอบ ${assessment.frameworkId} ไม่ใช่ ${values.frameworkId}`,
        `this agency's ${year} assessment uses ${assessment.frameworkId}, not ${values.frameworkId}`,
      );
    const framework = frameworks.get(frameworkId);
    if (!framework) {
      add(frameworkPath, `ไม่พบกรอบการประเมิน ${frameworkId}`, `unknown framework ${frameworkId}`);
      continue;
    }
    if (framework.fiscalYear !== year)
      add(
        frameworkPath,
        `กรอบ ${framework.id} เป็นของปี ${framework.fiscalYear} ไม่ใช่ปี ${year}`,
        `${framework.id} is the framework of ${framework.fiscalYear}, not ${year}`,
      );
    const official =
      values.officialOverall === null
        ? undefined
        : { overall: values.officialOverall, level: values.officialLevel ?? undefined };
    const check = checkResult(
      framework,
      { indicators: values.indicators, official },
      resultFieldPath(header, row),
    );
    // A cell already reported as unreadable is not reported again as missing.
    const reported = new Set(values.problems.map((p) => p.path));
    if (!check.ok) problems.push(...check.problems.filter((p) => !reported.has(p.path)));
    else if (values.problems.length === 0)
      checked.push({
        row,
        agencyId,
        fiscalYear: year,
        frameworkId: framework.id,
        assessmentId: assessment?.id ?? null,
        result: check.result,
      });
  }
  return { rows: checked, problems };
}

interface AgencyIndex {
  ids: Set<string>;
  byName: Map<string, string[]>;
}

const nameKey = (name: string, province: string) => `${name}\u0000${province}`;

async function loadAgencies(db: Db, rows: ImportRowValues[]): Promise<AgencyIndex> {
  const ids = unique(rows.flatMap((r) => (r.agencyId ? [r.agencyId] : [])));
  const names = unique(rows.flatMap((r) => (!r.agencyId && r.agencyName ? [r.agencyName] : [])));
  const columns = { id: agencies.id, name: agencies.name, province: agencies.province };
  const found = [
    ...(await inChunks(ids, (part) =>
      db.select(columns).from(agencies).where(inArray(agencies.id, part)),
    )),
    ...(await inChunks(names, (part) =>
      db.select(columns).from(agencies).where(inArray(agencies.name, part)),
    )),
  ];
  const index: AgencyIndex = { ids: new Set(), byName: new Map() };
  for (const agency of found) {
    if (index.ids.has(agency.id)) continue;
    index.ids.add(agency.id);
    const key = nameKey(agency.name, agency.province);
    index.byName.set(key, [...(index.byName.get(key) ?? []), agency.id]);
  }
  return index;
}

async function loadAssessments(db: Db, agencyIds: string[]) {
  const rows = await inChunks(agencyIds, (part) =>
    db
      .select({
        id: assessments.id,
        agencyId: assessments.agencyId,
        fiscalYear: assessments.fiscalYear,
        frameworkId: assessments.frameworkId,
      })
      .from(assessments)
      .where(inArray(assessments.agencyId, part)),
  );
  return new Map(rows.map((a) => [`${a.agencyId}:${a.fiscalYear}`, a]));
}

/** The row's agency, if it exists and the actor may write its results; otherwise a problem. */
function resolveAgency(
  values: ImportRowValues,
  header: HeaderMap,
  actor: Actor,
  index: AgencyIndex,
  add: (path: string, th: string, en: string) => void,
): string | null {
  const { row } = values;
  let agencyId = values.agencyId;
  const path = cellPath(header, row, { kind: agencyId ? "agency-id" : "agency-name" });
  if (!agencyId) {
    if (!values.agencyName || !values.province) return null;
    const matches = index.byName.get(nameKey(values.agencyName, values.province)) ?? [];
    if (matches.length !== 1) {
      const where = `${values.agencyName} จังหวัด${values.province}`;
      if (matches.length === 0)
        add(path, `ไม่พบหน่วยงาน ${where}`, `no agency ${values.agencyName} in ${values.province}`);
      else
        add(
          path,
          `มีหน่วยงานชื่อ ${where} มากกว่าหนึ่งแห่ง กรุณาใช้รหัสหน่วยงาน`,
          `several agencies are named ${values.agencyName} in ${values.province}: use the agency id`,
        );
      return null;
    }
    agencyId = matches[0] ?? null;
    if (!agencyId) return null;
  }
  // Rights first: someone outside an agency learns nothing about whether its id exists.
  const decision = authorize(actor, "results.write", { agencyId });
  if (!decision.allowed) {
    add(path, `ไม่มีสิทธิ์บันทึกผลของหน่วยงานนี้: ${decision.reason.th}`, `forbidden: ${decision.reason.en}`);
    return null;
  }
  if (!index.ids.has(agencyId)) {
    add(path, `ไม่พบหน่วยงานรหัส ${agencyId}`, `no agency ${agencyId}`);
    return null;
  }
  return agencyId;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Runs one query per chunk of values, keeping each IN list well under the parameter limit. */
export async function inChunks<T>(
  values: string[],
  query: (part: string[]) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += CHUNK)
    out.push(...(await query(values.slice(i, i + CHUNK))));
  return out;
}
