import type { OitItem } from "../domain/framework/schema.ts";
import { thaiSkeleton } from "./thai-text.ts";

// Finds the Buddhist-era fiscal years a page or file names, in Thai or Arabic digits.

export { arabicDigits } from "./thai-text.ts";

// A year like 2566, or a span like 2566-2570 or 2566–70 (strategic plans cover several years).
const YEAR_OR_SPAN = /(?<![0-9])(25[0-9]{2})(?:\s*(?:-|–|—|ถึง)\s*((?:25)?[0-9]{2}))?(?![0-9])/gu;
// Patterns read the Thai skeleton (see thai-text.ts): ปีงบประมาณ is ปงบประมาณ, ประจำปี is ประจาป.
// Short forms agencies write after the word for fiscal year: "ปีงบประมาณ 66", "ปีงบ 66".
const SHORT_FISCAL = /ป\s*งบ(?:ประมาณ)?\s*(?:พ\.?\s*ศ\.?\s*)?([0-9]{2})(?![0-9])/gu;
// In running text only a year said to be a fiscal year counts; laws cite other years ("พ.ศ. 2560").
const FISCAL_CONTEXT =
  /(?:ป\s*งบ(?:ประมาณ)?|ประจาป\s*(?:งบประมาณ)?|fiscal\s+year)\s*(?:พ\.?\s*ศ\.?\s*)?(25[0-9]{2}|[0-9]{2})(?:\s*(?:-|–|—|ถึง)\s*((?:25)?[0-9]{2}))?(?![0-9])/giu;

const MAX_SPAN = 10;

function expand(first: string, last: string | undefined, into: Set<number>): void {
  const start = first.length === 2 ? 2500 + Number(first) : Number(first);
  into.add(start);
  if (last === undefined) return;
  const end = last.length === 2 ? Math.floor(start / 100) * 100 + Number(last) : Number(last);
  if (end > start && end - start <= MAX_SPAN) for (let y = start + 1; y <= end; y++) into.add(y);
}

/** Years named in a short label (link text, title, heading, file name): any BE year counts. */
export function yearsInLabel(label: string): number[] {
  const text = thaiSkeleton(label);
  const years = new Set<number>();
  for (const m of text.matchAll(YEAR_OR_SPAN)) expand(m[1] ?? "", m[2], years);
  for (const m of text.matchAll(SHORT_FISCAL)) expand(m[1] ?? "", undefined, years);
  return [...years].sort((a, b) => a - b);
}

/** Years a document's text names as fiscal years ("ปีงบประมาณ พ.ศ. ๒๕๖๖", "ประจำปี 2566"). */
export function fiscalYearsInText(body: string): number[] {
  const text = thaiSkeleton(body);
  const years = new Set<number>();
  for (const m of text.matchAll(FISCAL_CONTEXT)) expand(m[1] ?? "", m[2], years);
  return [...years].sort((a, b) => a - b);
}

/** The fiscal year an item's evidence must describe, or null when any year will do. */
export function requiredYear(item: Pick<OitItem, "year">, fiscalYear: number): number | null {
  if (item.year === "current") return fiscalYear;
  if (item.year === "previous") return fiscalYear - 1;
  return null;
}
