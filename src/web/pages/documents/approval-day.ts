// The approval day must fall inside the measures' fiscal year; the server checks it again.

/** Fiscal year N (Buddhist era) runs from 1 October of N-1 to 30 September of N, as ISO days. */
export function fiscalYearDays(fiscalYearBe: number): { start: string; end: string } {
  const gregorian = fiscalYearBe - 543;
  return { start: `${gregorian - 1}-10-01`, end: `${gregorian}-09-30` };
}

/** Today when it is inside the year, otherwise the year's nearest day. */
export function defaultApprovalDay(today: string, days: { start: string; end: string }): string {
  if (today < days.start) return days.start;
  if (today > days.end) return days.end;
  return today;
}
