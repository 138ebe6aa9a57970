import type { AgencyResponse } from "../../../shared/agency.ts";
import type { FrameworkDetail } from "../../../shared/framework.ts";
import type { ResultResponse } from "../../../shared/result.ts";

// The import file's Thai headers (docs/results-import-format.md); the indicators come from the framework.
const leading = ["ชื่อหน่วยงาน", "จังหวัด", "ปีงบประมาณ", "กรอบการประเมิน"];
const trailing = ["คะแนนรวม", "ระดับ"];

function cell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV with every column of the year's framework and this agency's row, filled with what is stored. */
export function templateCsv({
  agency,
  fiscalYear,
  framework,
  result,
}: {
  agency: AgencyResponse;
  fiscalYear: number;
  framework: FrameworkDetail;
  result: ResultResponse | null;
}): string {
  const numbers = framework.indicators.map((i) => i.number);
  const header = [...leading, ...numbers.map((n) => `ตัวชี้วัด ${n}`), ...trailing];
  const row = [
    agency.name,
    agency.province,
    fiscalYear,
    framework.id,
    ...numbers.map((n) => result?.indicators[String(n)]),
    result?.official?.overall,
    result?.official?.level,
  ];
  return `${[header, row].map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}

/** A download link's address: UTF-8 with a byte-order mark, so Excel reads the Thai text. */
export function csvDataUrl(csv: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${csv}`)}`;
}
