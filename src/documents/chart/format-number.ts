import type { DigitStyle } from "../model.ts";

const formatters = new Map<string, Intl.NumberFormat>();

/** Formats a number with the document's digit style, e.g. 78.33 → "๗๘.๓๓" for `thai`. */
export function formatNumber(value: number, digits: DigitStyle, fractionDigits: number): string {
  const key = `${digits}:${fractionDigits}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(digits === "thai" ? "th-TH-u-nu-thai" : "th-TH-u-nu-latn", {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
      useGrouping: false,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(value);
}
