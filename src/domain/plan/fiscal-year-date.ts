import type { IssueDetail } from "../errors.ts";
import { fiscalYearRange, formatThaiDate, toIsoDate } from "../thai/dates.ts";

/** The problem of a Gregorian YYYY-MM-DD outside Thai fiscal year `fiscalYear` (Buddhist Era), if any. */
export function outsideFiscalYear(
  path: string,
  date: string,
  fiscalYear: number,
): IssueDetail | undefined {
  const { start, end } = fiscalYearRange(fiscalYear);
  if (date >= toIsoDate(start) && date <= toIsoDate(end)) return undefined;
  return {
    path,
    th: `วันที่ ${date} ไม่อยู่ในปีงบประมาณ พ.ศ. ${fiscalYear} (${formatThaiDate(start, "arabic")} – ${formatThaiDate(end, "arabic")})`,
    en: `${date} is outside fiscal year ${fiscalYear} (${toIsoDate(start)} to ${toIsoDate(end)})`,
  };
}
