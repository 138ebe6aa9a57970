// Thai agencies work on Bangkok time: "today" for due dates is the calendar day in Asia/Bangkok.
const bangkok = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Bangkok",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The Gregorian calendar day (YYYY-MM-DD) in Bangkok at the given instant. */
export function bangkokDay(instant: Date): string {
  return bangkok.format(instant);
}
