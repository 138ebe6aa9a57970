import type { MeasureCreate, MeasureResponse } from "../../../shared/measure.ts";
import { fiscalYearBounds } from "../../fiscal-year.ts";

// Turning a suggested measure into a measure of the year: dates, divisions and the request body.

const pad = (n: number) => String(n).padStart(2, "0");

/** The ISO day it is in Thailand at `now`; the fiscal year is counted in Thai days. */
export function thaiToday(now: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Bangkok",
    year: "numeric",
    month: "numeric",
    day: "numeric",
  }).formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  return `${get("year")}-${pad(get("month"))}-${pad(get("day"))}`;
}

/** From today (or the year's first day) to the year's last day, always inside the year. */
export function defaultDates(
  fiscalYear: number,
  today: string,
): { startDate: string; dueDate: string } {
  const { start, end } = fiscalYearBounds(fiscalYear);
  const startDate = today >= start && today <= end ? today : start;
  return { startDate, dueDate: end };
}

/** The agency's divisions whose names match a suggested one (e.g. "สำนักปลัด" → "สำนักปลัดเทศบาล"). */
export function matchingDivisions(suggested: readonly string[], divisions: readonly string[]) {
  const names = suggested.map((s) => s.trim()).filter(Boolean);
  return divisions.filter((d) => names.some((s) => d.startsWith(s) || s.startsWith(d)));
}

/** Whether the year's plan already holds a measure of this title. */
export function isAdopted(title: string, measures: readonly Pick<MeasureResponse, "title">[]) {
  const wanted = title.trim();
  return measures.some((m) => m.title.trim() === wanted);
}

export interface MeasureForm {
  title: string;
  /** One step per line. */
  steps: string;
  /** How the measure is followed up; recorded against the due date, as the official table does. */
  monitoring: string;
  responsible: string[];
  indicators: number[];
  startDate: string;
  dueDate: string;
}

/** The body of POST …/measures; the server checks every rule and lists every problem. */
export function toMeasureCreate(form: MeasureForm): Omit<MeasureCreate, "status"> {
  return {
    title: form.title.trim(),
    steps: form.steps
      .split("\n")
      .map((s) => s.trim())
      .filter(Boolean),
    responsible: form.responsible,
    indicators: [...form.indicators].sort((a, b) => a - b),
    oitItems: [],
    monitoring: form.monitoring.trim()
      ? [{ date: form.dueDate, activity: form.monitoring.trim() }]
      : [],
    evidenceLinks: [],
    startDate: form.startDate,
    dueDate: form.dueDate,
  };
}
