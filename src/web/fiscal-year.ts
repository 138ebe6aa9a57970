// Thai fiscal years (Buddhist era): fiscal year N runs from 1 October of N−1 to 30 September of N.

/** First and last day of the fiscal year, as Gregorian YYYY-MM-DD (what the API and date inputs use). */
export function fiscalYearBounds(fiscalYear: number): { start: string; end: string } {
  const gregorian = fiscalYear - 543;
  return { start: `${gregorian - 1}-10-01`, end: `${gregorian}-09-30` };
}

/** True when the YYYY-MM-DD day lies inside the fiscal year. */
export function insideFiscalYear(day: string, fiscalYear: number): boolean {
  const { start, end } = fiscalYearBounds(fiscalYear);
  return day >= start && day <= end;
}

/** The fiscal year's half-way report day (31 March), when six-month reports are usually made. */
export function sixMonthDay(fiscalYear: number): string {
  return `${fiscalYear - 543}-03-31`;
}
