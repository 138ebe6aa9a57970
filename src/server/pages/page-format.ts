import { formatThaiDate, parseCalendarDate } from "../../domain/thai/dates.ts";
import { formatNumber, formatScore } from "../../domain/thai/numerals.ts";

// How public pages write numbers and dates: Arabic digits as Thai websites do, Buddhist-era dates.

/** "74.80": two decimals, rounded half-up. */
export function score(value: number | null): string {
  return value === null ? "–" : formatScore(value, "arabic");
}

/** "31 มีนาคม 2566" from a Gregorian YYYY-MM-DD; "–" when there is none. */
export function thaiDate(iso: string | null): string {
  const date = iso === null ? null : parseCalendarDate(iso);
  return date ? formatThaiDate(date, "arabic") : "–";
}

/** "120 KB", "1.4 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, bytes / 1024), "arabic")} KB`;
  return `${formatNumber(bytes / (1024 * 1024), "arabic", { decimals: 1 })} MB`;
}
