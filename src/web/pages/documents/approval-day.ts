// The approval day must fall inside the measures' fiscal year; the server checks it again.

/** Today when it is inside the year, otherwise the year's nearest day. */
export function defaultApprovalDay(today: string, days: { start: string; end: string }): string {
  if (today < days.start) return days.start;
  if (today > days.end) return days.end;
  return today;
}
