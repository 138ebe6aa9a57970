import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { ExportedResponse, SurveyExport } from "../../services/export-survey-responses.ts";

// The anonymous export written while it is read: two header rows (item ids, then the question
// texts in Thai), then one row per response with each answer's Thai label.

function headerRows(data: SurveyExport): [string[], string[]] {
  return [
    ["tool", "channel", ...data.columns.map((c) => c.itemId)],
    ["แบบวัด", "ช่องทาง", ...data.columns.map((c) => c.text)],
  ];
}

function row(data: SurveyExport, response: ExportedResponse): string[] {
  return [
    data.tool,
    response.channel,
    ...data.columns.map((c) => {
      const option = response.answers[c.itemId];
      return option === undefined ? "" : (c.labels.get(option) ?? option);
    }),
  ];
}

/** RFC 4180 quoting; text a spreadsheet would run as a formula is kept as text. */
function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (cells: string[]) => `${cells.map(csvCell).join(",")}\r\n`;

/** UTF-8 CSV with a byte-order mark, so Excel reads the Thai as Thai. */
export function surveyCsvStream(data: SurveyExport): Readable {
  async function* lines() {
    const [ids, texts] = headerRows(data);
    yield `\uFEFF${csvLine(ids)}${csvLine(texts)}`;
    for await (const page of data.pages()) yield page.map((r) => csvLine(row(data, r))).join("");
  }
  return Readable.from(lines());
}

/** An XLSX workbook written row by row into the returned stream. */
export function surveyXlsxStream(data: SurveyExport): Readable {
  const out = new PassThrough();
  const write = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useSharedStrings: false,
      useStyles: false,
    });
    const sheet = workbook.addWorksheet(data.tool);
    for (const header of headerRows(data)) sheet.addRow(header).commit();
    for await (const page of data.pages())
      for (const response of page) sheet.addRow(row(data, response)).commit();
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : undefined));
  return out;
}
