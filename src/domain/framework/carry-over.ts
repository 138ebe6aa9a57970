import type { Framework } from "./schema.ts";

/** What a new framework keeps of its base: everything but the year's own id, name, dates and OIT list. */
export function carriedOver(
  base: Framework,
  options: { id: string; fiscalYear: number; source: string },
): Omit<Framework, "oit" | "previous"> {
  const { oit: _oit, previous: _previous, ...rest } = base;
  const years = options.fiscalYear - base.fiscalYear;
  const shifted = years === 0 ? "" : ` Dates moved ${years} year(s) from ${base.id}; check them.`;
  return {
    ...rest,
    id: options.id,
    fiscalYear: options.fiscalYear,
    name: {
      th: renameYear(base.name.th, base.fiscalYear, options.fiscalYear),
      en: renameYear(base.name.en, base.fiscalYear, options.fiscalYear),
    },
    provenance: {
      ...base.provenance,
      oit: {
        status: "confirmed",
        note: `OIT item list imported from ${options.source}; items mapped from ${base.id}.`,
      },
      windows:
        years === 0
          ? base.provenance.windows
          : { status: "inferred", note: `${base.provenance.windows.note}${shifted}` },
    },
    windows: base.windows.map((w) => ({
      ...w,
      start: shiftDate(w.start, years),
      end: shiftDate(w.end, years),
    })),
  };
}

// The Christian-era year beside a Buddhist-era one ("2567 (2024)") moves with it.
function renameYear(text: string, from: number, to: number): string {
  return text
    .replaceAll(`(${from - 543})`, `(${to - 543})`)
    .replaceAll(String(from), String(to))
    .replaceAll(thaiDigits(from), thaiDigits(to));
}

function thaiDigits(n: number): string {
  return String(n).replace(/\d/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
}

/** The same day `years` later; 29 February becomes 28 February in a common year. */
export function shiftDate(iso: string, years: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}
