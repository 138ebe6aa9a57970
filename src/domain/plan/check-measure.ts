import type { IssueDetail } from "../errors.ts";
import { findOitItem } from "../framework/lookup.ts";
import type { Framework } from "../framework/schema.ts";
import { outsideFiscalYear } from "./fiscal-year-date.ts";

/** What a measure is checked against: its agency's divisions and its assessment's framework and year. */
export interface MeasureScope {
  divisions: readonly string[];
  framework: Framework;
  fiscalYear: number;
}

/** The fields a create or a change gives; absent ones are not checked. */
export interface MeasureFields {
  responsible?: readonly string[] | undefined;
  indicators?: readonly number[] | undefined;
  oitItems?: readonly string[] | undefined;
  monitoring?: readonly { date: string; activity: string }[] | undefined;
  startDate?: string | undefined;
  dueDate?: string | undefined;
  evidenceLinks?: readonly string[] | undefined;
  status?: string | undefined;
  progress?: number | undefined;
}

/** The measure as it would be after the change, for the rules that span fields. */
export interface MeasureState {
  startDate: string | null;
  dueDate: string | null;
  status: string;
  progress: number;
}

type Add = (path: string, th: string, en: string) => void;

/** Every problem of a measure's given fields and of the resulting state, each with its body path. */
export function checkMeasure(
  given: MeasureFields,
  state: MeasureState,
  scope: MeasureScope,
): IssueDetail[] {
  const problems: IssueDetail[] = [];
  const add: Add = (path, th, en) => problems.push({ path: `body.${path}`, th, en });
  const { framework } = scope;

  const divisions = new Set(scope.divisions);
  given.responsible?.forEach((unit, i) => {
    if (!divisions.has(unit))
      add(
        `responsible.${i}`,
        `"${unit}" ไม่อยู่ในรายชื่อส่วนราชการของหน่วยงาน (${scope.divisions.join(", ")})`,
        `"${unit}" is not one of the agency's divisions (${scope.divisions.join(", ")})`,
      );
  });
  const numbers = new Set(framework.indicators.map((i) => i.number));
  given.indicators?.forEach((n, i) => {
    if (!numbers.has(n))
      add(
        `indicators.${i}`,
        `กรอบ ${framework.id} ไม่มีตัวชี้วัดที่ ${n}`,
        `${framework.id} has no indicator ${n}`,
      );
  });
  given.oitItems?.forEach((id, i) => {
    if (!findOitItem(framework, id))
      add(
        `oitItems.${i}`,
        `กรอบ ${framework.id} ไม่มีข้อ OIT ${id}`,
        `${framework.id} has no OIT item ${id}`,
      );
  });
  given.evidenceLinks?.forEach((link, i) => {
    if (!isWebLink(link))
      add(
        `evidenceLinks.${i}`,
        `"${link}" ไม่ใช่ลิงก์เว็บที่ขึ้นต้นด้วย http:// หรือ https://`,
        `"${link}" is not an http(s) URL`,
      );
  });
  const dated: [string, string | undefined][] = [
    ["startDate", given.startDate],
    ["dueDate", given.dueDate],
    ...(given.monitoring ?? []).map((m, i): [string, string] => [`monitoring.${i}.date`, m.date]),
  ];
  for (const [path, date] of dated) {
    const problem =
      date === undefined ? undefined : outsideFiscalYear(path, date, scope.fiscalYear);
    if (problem) add(problem.path, problem.th, problem.en);
  }
  checkState(given, state, add);
  return problems;
}

function checkState(given: MeasureFields, state: MeasureState, add: Add): void {
  const { startDate, dueDate } = state;
  if ((given.startDate || given.dueDate) && startDate && dueDate && startDate > dueDate)
    add(
      given.dueDate ? "dueDate" : "startDate",
      `วันเริ่ม (${startDate}) ต้องไม่หลังวันครบกำหนด (${dueDate})`,
      `the start date ${startDate} is after the due date ${dueDate}`,
    );
  if (given.status === undefined && given.progress === undefined) return;
  const problem = statusProblem(state.status, state.progress);
  if (problem) add("progress", problem.th, problem.en);
}

/** Progress is 100 exactly when the measure is done. */
export function statusProblem(
  status: string,
  progress: number,
): { th: string; en: string } | undefined {
  if (status === "done" && progress !== 100)
    return {
      th: `มาตรการที่เสร็จแล้วต้องมีความก้าวหน้าร้อยละ 100 (ได้รับ ${progress})`,
      en: `a done measure has progress 100, not ${progress}`,
    };
  if (status !== "done" && progress === 100)
    return {
      th: "ความก้าวหน้าร้อยละ 100 หมายถึงเสร็จแล้ว ให้ตั้งสถานะเป็น done ด้วย",
      en: `progress 100 means done: set status done too (status is ${status})`,
    };
  return undefined;
}

/** Status and progress after a change: marking a measure done without a progress completes it. */
export function settleProgress<S extends string>(
  change: { status?: S | undefined; progress?: number | undefined },
  current: { status: S; progress: number },
): { status: S; progress: number } {
  const status = change.status ?? current.status;
  const progress = change.progress ?? (change.status === "done" ? 100 : current.progress);
  return { status, progress };
}

function isWebLink(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
}

/** OIT item ids as the framework spells them (`o42` → `O42`), so every measure names them alike. */
export function canonicalOitItems(framework: Framework, ids: readonly string[]): string[] {
  return ids.map((id) => findOitItem(framework, id)?.id ?? id);
}
