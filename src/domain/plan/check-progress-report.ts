import type { IssueDetail } from "../errors.ts";
import { repeatedIndexes } from "../validation.ts";
import { statusProblem } from "./check-measure.ts";
import { outsideFiscalYear } from "./fiscal-year-date.ts";

export interface ProgressReportFacts {
  asOf: string;
  entries: readonly { measureId: string; status: string; progress: number }[];
}

/** Every problem of a progress report: its date, and each entry's measure, repetition and status. */
export function checkProgressReport(
  report: ProgressReportFacts,
  measureIds: ReadonlySet<string>,
  fiscalYear: number,
): IssueDetail[] {
  const problems: IssueDetail[] = [];
  const dateProblem = outsideFiscalYear("body.asOf", report.asOf, fiscalYear);
  if (dateProblem) problems.push(dateProblem);
  const repeated = new Set(repeatedIndexes(report.entries.map((e) => e.measureId)));
  report.entries.forEach((entry, i) => {
    const path = `body.entries.${i}`;
    if (!measureIds.has(entry.measureId))
      problems.push({
        path: `${path}.measureId`,
        th: `ไม่พบมาตรการ ${entry.measureId} ในการประเมินนี้`,
        en: `measure ${entry.measureId} is not a measure of this assessment`,
      });
    else if (repeated.has(i))
      problems.push({
        path: `${path}.measureId`,
        th: `มาตรการ ${entry.measureId} ถูกรายงานซ้ำ`,
        en: `measure ${entry.measureId} appears more than once`,
      });
    const status = statusProblem(entry.status, entry.progress);
    if (status) problems.push({ path: `${path}.progress`, ...status });
  });
  return problems;
}
