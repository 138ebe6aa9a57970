import { fillTemplate } from "../../domain/content/fill-template.ts";
import { type CalendarDate, formatThaiDate } from "../../domain/thai/dates.ts";
import {
  type DigitStyle,
  formatInteger,
  formatNumber,
  formatScore,
  localiseDigits,
} from "../../domain/thai/numerals.ts";

/** Number and date formatting bound to one digit style, so a document never mixes styles. */
export interface Format {
  digits: DigitStyle;
  score(value: number): string;
  count(value: number): string;
  int(value: number): string;
  signed(value: number): string;
  date(date: CalendarDate, era?: boolean): string;
  label(text: string): string;
  fill(template: string, values: Record<string, string | number>): string;
  join(items: string[]): string;
}

export function makeFormat(digits: DigitStyle): Format {
  const int = (value: number) => formatInteger(value, digits);
  return {
    digits,
    score: (value) => formatScore(value, digits),
    count: (value) => formatNumber(value, digits),
    int,
    signed: (value) => `${value >= 0 ? "+" : "−"}${formatScore(Math.abs(value), digits)}`,
    date: (date, era = false) => formatThaiDate(date, digits, { era }),
    label: (text) => localiseDigits(text, digits),
    // Numbers given to a template are integers (years, counts); scores arrive pre-formatted.
    fill: (template, values) =>
      fillTemplate(
        template,
        Object.fromEntries(
          Object.entries(values).map(([k, v]) => [k, typeof v === "number" ? int(v) : v]),
        ),
      ),
    join: (items) =>
      items.length <= 1
        ? (items[0] ?? "")
        : `${items.slice(0, -1).join(" ")} และ${items[items.length - 1]}`,
  };
}
