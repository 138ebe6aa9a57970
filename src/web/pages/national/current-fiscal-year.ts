/** Thailand's fiscal year (Buddhist era) on a day: from October it is the next year's. */
export function currentFiscalYear(now: Date): number {
  const bangkok = new Date(now.getTime() + 7 * 60 * 60 * 1000);
  const year = bangkok.getUTCFullYear() + 543;
  return bangkok.getUTCMonth() >= 9 ? year + 1 : year;
}
