import type { PublicYearData } from "../../../shared/public-page.ts";

// The public page's data as one flat table: one row for the overall result, one per indicator,
// one per measure and one per published document file. Scores are the JSON's numbers, unrounded.

const columns = [
  ["ประเภทแถว", "record"],
  ["รหัสหน่วยงาน", "agency_id"],
  ["หน่วยงาน", "agency"],
  ["ปีงบประมาณ", "fiscal_year"],
  ["ปีของผลการประเมิน", "result_year"],
  ["ลำดับหรือตัวชี้วัดที่", "number"],
  ["ชื่อ", "name"],
  ["เครื่องมือ", "tool"],
  ["คะแนน", "score"],
  ["คะแนนปีก่อน", "previous_score"],
  ["ระดับ", "level"],
  ["ผลการประเมิน", "rating"],
  ["ผู้รับผิดชอบ", "responsible"],
  ["สถานะ", "status"],
  ["สถานะ (ไทย)", "status_th"],
  ["ความก้าวหน้า (ร้อยละ)", "progress_percent"],
  ["วันเริ่ม (ค.ศ.)", "start_date"],
  ["กำหนดแล้วเสร็จ (ค.ศ.)", "due_date"],
  ["ลิงก์", "url"],
] as const;

type Column = (typeof columns)[number][1];
type Row = Partial<Record<Column, string | number | null>>;

/** The CSV text, with a byte-order mark so Excel reads the Thai as UTF-8. */
export function yearCsv(data: PublicYearData): string {
  const base: Row = {
    agency_id: data.agency.id,
    agency: data.agency.name,
    fiscal_year: data.fiscalYear,
    result_year: data.result?.fiscalYear ?? null,
  };
  const rows: Row[] = [];
  const { result } = data;
  if (result) {
    rows.push({
      ...base,
      record: "overall",
      name: "คะแนนรวม",
      score: result.overall,
      previous_score: result.previous?.overall ?? null,
      level: result.level,
      rating: result.rating?.th ?? null,
    });
    for (const indicator of result.indicators)
      rows.push({
        ...base,
        record: "indicator",
        number: indicator.number,
        name: indicator.name.th,
        tool: indicator.tool,
        score: indicator.score,
        previous_score: indicator.previous,
      });
  }
  for (const [index, measure] of data.measures.entries())
    rows.push({
      ...base,
      record: "measure",
      number: index + 1,
      name: measure.title,
      responsible: measure.responsible.join("; "),
      status: measure.status,
      status_th: measure.statusLabel.th,
      progress_percent: measure.progress,
      start_date: measure.startDate,
      due_date: measure.dueDate,
    });
  for (const file of data.document?.files ?? [])
    rows.push({
      ...base,
      record: "document",
      number: data.document?.version ?? null,
      name: `มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (${file.format.toUpperCase()})`,
      url: file.url,
    });
  const header = columns.map(([th, en]) => cell(`${th} / ${en}`));
  const lines = rows.map((row) => columns.map(([, key]) => cell(row[key] ?? null)));
  return `\uFEFF${[header, ...lines].map((line) => line.join(",")).join("\r\n")}\r\n`;
}

/** RFC 4180 quoting; text that a spreadsheet would run as a formula is kept as text. */
function cell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
