/** Thai digits (๐–๙) are customary in official text; Arabic digits on request. */
export type DigitStyle = "thai" | "arabic";

// Thai digits come from ICU's numbering system, never from a hand-written table.
const locale = (digits: DigitStyle) => (digits === "thai" ? "th-TH-u-nu-thai" : "th-TH");

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(digits: DigitStyle, decimals: number, grouping: boolean): Intl.NumberFormat {
  const key = `${digits}:${decimals}:${grouping}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(digits), {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: grouping,
    });
    formatters.set(key, f);
  }
  return f;
}

/** Half-up rounding on the decimal representation, so 1.005 rounds to 1.01 as people expect. */
export function roundHalfUp(value: number, decimals = 2): number {
  const sign = value < 0 ? -1 : 1;
  const shifted = Number(`${Math.abs(value)}e${decimals}`);
  return sign * Number(`${Math.round(shifted)}e-${decimals}`);
}

export function formatNumber(
  value: number,
  digits: DigitStyle,
  options: { decimals?: number; grouping?: boolean } = {},
): string {
  const decimals = options.decimals ?? 0;
  return formatter(digits, decimals, options.grouping ?? true).format(roundHalfUp(value, decimals));
}

/** Scores are shown with two decimals, rounded half-up. */
export function formatScore(value: number, digits: DigitStyle): string {
  return formatNumber(value, digits, { decimals: 2, grouping: false });
}

/** Years, item numbers and other labels: no grouping separator. */
export function formatInteger(value: number, digits: DigitStyle): string {
  return formatNumber(value, digits, { grouping: false });
}

/** Converts every ASCII digit in a label (e.g. "9.1", "O23") to the chosen style. */
export function localiseDigits(text: string, digits: DigitStyle): string {
  if (digits === "arabic") return text;
  return text.replace(/[0-9]/g, (d) => formatInteger(Number(d), "thai"));
}
