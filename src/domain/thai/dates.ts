import type { DigitStyle } from "./numerals.ts";

/** A calendar date without a time zone, as written in documents. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const buddhistOffset = 543;
// Years above this are read as Buddhist Era (Thai users write 2566); below as Gregorian.
const eraCutover = 2400;

/** Parses YYYY-MM-DD in either era; returns null when it is not a real date. */
export function parseCalendarDate(text: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  let year = Number(m[1]);
  if (year > eraCutover) year -= buddhistOffset;
  const month = Number(m[2]);
  const day = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return null;
  return { year, month, day };
}

export function toIsoDate(date: CalendarDate): string {
  const p = (n: number, w: number) => String(n).padStart(w, "0");
  return `${p(date.year, 4)}-${p(date.month, 2)}-${p(date.day, 2)}`;
}

const formatters = new Map<DigitStyle, Intl.DateTimeFormat>();
function dateFormatter(digits: DigitStyle): Intl.DateTimeFormat {
  let f = formatters.get(digits);
  if (!f) {
    const locale = digits === "thai" ? "th-TH-u-ca-buddhist-nu-thai" : "th-TH-u-ca-buddhist";
    f = new Intl.DateTimeFormat(locale, {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    formatters.set(digits, f);
  }
  return f;
}

/** "๓๑ มีนาคม ๒๕๖๖", or with `era` "๓๑ มีนาคม พ.ศ. ๒๕๖๖" as in an announcement's date line. */
export function formatThaiDate(
  date: CalendarDate,
  digits: DigitStyle,
  options: { era?: boolean } = {},
): string {
  const parts = dateFormatter(digits).formatToParts(
    new Date(Date.UTC(date.year, date.month - 1, date.day)),
  );
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  const era = options.era ? "พ.ศ. " : "";
  return `${get("day")} ${get("month")} ${era}${get("year")}`;
}

/** Fiscal year N (Buddhist Era) runs from 1 October of N-1 to 30 September of N. */
export function fiscalYearOf(date: CalendarDate): number {
  const be = date.year + buddhistOffset;
  return date.month >= 10 ? be + 1 : be;
}

export function fiscalYearRange(fiscalYearBe: number): { start: CalendarDate; end: CalendarDate } {
  const gregorian = fiscalYearBe - buddhistOffset;
  return {
    start: { year: gregorian - 1, month: 10, day: 1 },
    end: { year: gregorian, month: 9, day: 30 },
  };
}

const thaiCalendarDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Bangkok",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The ISO date (YYYY-MM-DD, Gregorian) that it is in Thailand at `now`; ITA windows are Thai days. */
export function thaiIsoDate(now: Date): string {
  const parts = thaiCalendarDay.formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}
