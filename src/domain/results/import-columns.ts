import type { IssueDetail } from "../errors.ts";

// The columns of an official-results file, recognised by Thai or English header
// (docs/results-import-format.md lists them).

export type ImportColumn =
  | { kind: "agency-id" }
  | { kind: "agency-name" }
  | { kind: "province" }
  | { kind: "fiscal-year" }
  | { kind: "framework" }
  | { kind: "indicator"; number: number }
  | { kind: "official-overall" }
  | { kind: "official-level" };

type SimpleKind = Exclude<ImportColumn["kind"], "indicator">;

const aliases: Record<SimpleKind, readonly string[]> = {
  "agency-id": ["รหัสหน่วยงาน", "agency id", "agencyid"],
  "agency-name": ["ชื่อหน่วยงาน", "หน่วยงาน", "agency name", "agencyname", "agency"],
  province: ["จังหวัด", "province"],
  "fiscal-year": ["ปีงบประมาณ", "ปีงบประมาณ พ.ศ.", "fiscal year", "fiscalyear", "year"],
  framework: ["กรอบการประเมิน", "framework", "framework id", "frameworkid"],
  "official-overall": [
    "คะแนนรวม",
    "คะแนนรวมที่ประกาศ",
    "คะแนน ita",
    "official overall",
    "officialoverall",
    "overall",
  ],
  "official-level": ["ระดับ", "ระดับผลการประเมิน", "official level", "officiallevel", "level"],
};

const indicatorHeader = /^(?:ตัวชี้วัด\s*(?:ที่)?|indicator|i)\s*(\d{1,3})$/;

/** Lower case, underscores as spaces, runs of spaces as one: "Fiscal_Year " and "fiscal year" match. */
export function normaliseHeader(text: string): string {
  return text.trim().toLowerCase().replaceAll("_", " ").replace(/\s+/g, " ");
}

export function recogniseHeader(text: string): ImportColumn | null {
  const header = normaliseHeader(text);
  const indicator = indicatorHeader.exec(header);
  if (indicator) return { kind: "indicator", number: Number(indicator[1]) };
  for (const [kind, names] of Object.entries(aliases) as [SimpleKind, readonly string[]][])
    if (names.includes(header)) return { kind } as ImportColumn;
  return null;
}

export interface HeaderMap {
  /** Column index → what it holds (blank headers are left out). */
  columns: Map<number, ImportColumn>;
  /** Column index → the header as written, for paths people recognise. */
  names: Map<number, string>;
  problems: IssueDetail[];
}

const keyOf = (c: ImportColumn) => (c.kind === "indicator" ? `indicator ${c.number}` : c.kind);

/** Reads the header row: unknown, repeated and missing columns are each a problem. */
export function mapHeaders(headers: readonly (string | number | null)[], row = 1): HeaderMap {
  const columns = new Map<number, ImportColumn>();
  const names = new Map<number, string>();
  const problems: IssueDetail[] = [];
  const seen = new Map<string, string>();
  headers.forEach((cell, index) => {
    const text = cell === null ? "" : String(cell).trim();
    if (text === "") return;
    const column = recogniseHeader(text);
    const path = `row ${row} / ${text}`;
    if (!column) {
      problems.push({
        path,
        th: `ไม่รู้จักคอลัมน์ "${text}" ให้ลบออกหรือแก้ชื่อตามรูปแบบไฟล์`,
        en: `unknown column "${text}": remove it or rename it as the file format says`,
      });
      return;
    }
    const earlier = seen.get(keyOf(column));
    if (earlier !== undefined) {
      problems.push({
        path,
        th: `คอลัมน์ "${text}" ซ้ำกับคอลัมน์ "${earlier}"`,
        en: `column "${text}" repeats column "${earlier}"`,
      });
      return;
    }
    seen.set(keyOf(column), text);
    columns.set(index, column);
    names.set(index, text);
  });
  const has = (kind: ImportColumn["kind"]) => [...columns.values()].some((c) => c.kind === kind);
  const need = (th: string, en: string) => problems.push({ path: `row ${row}`, th, en });
  if (!has("agency-id") && !(has("agency-name") && has("province")))
    need(
      "ต้องมีคอลัมน์ รหัสหน่วยงาน หรือทั้ง ชื่อหน่วยงาน และ จังหวัด",
      "a column agency id, or both agency name and province, is required",
    );
  if (!has("fiscal-year")) need("ต้องมีคอลัมน์ ปีงบประมาณ", "a fiscal year column is required");
  if (!has("official-overall"))
    need("ต้องมีคอลัมน์ คะแนนรวม (ที่ประกาศ)", "an official overall column is required");
  if (!has("indicator"))
    need("ต้องมีคอลัมน์คะแนนตัวชี้วัด เช่น ตัวชี้วัด 1", "indicator columns such as i1 are required");
  return { columns, names, problems };
}

const thaiDigits = /[๐-๙]/g;

/** A cell as a number: Thai digits and thousands separators accepted; null when empty, NaN when not a number. */
export function cellNumber(cell: string | number | null): number | null {
  if (cell === null) return null;
  if (typeof cell === "number") return cell;
  const text = cell
    .trim()
    .replace(thaiDigits, (d) => String(d.charCodeAt(0) - "๐".charCodeAt(0)))
    .replaceAll(",", "");
  if (text === "") return null;
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
}

/** A cell as trimmed text; empty cells are null. */
export function cellText(cell: string | number | null): string | null {
  if (cell === null) return null;
  const text = String(cell).trim();
  return text === "" ? null : text;
}
