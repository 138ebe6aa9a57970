import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Cell, SheetRow } from "./sheet-row.ts";

/** Rows of the workbook's first worksheet, streamed: the workbook is never held in memory whole. */
export async function* readXlsxRows(source: Readable): AsyncGenerator<SheetRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  let first = true;
  for await (const worksheet of workbook) {
    // Later worksheets are left unread (the reader drains them) so notes beside the data do no harm.
    if (!first) continue;
    first = false;
    for await (const row of worksheet) {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      yield { row: row.number, cells: Array.from(values, cellOf) };
    }
  }
}

/** A cell's value as text or number: formulas give their result, rich text its plain text. */
function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("result" in value) return cellOf(value.result);
    if ("richText" in value && Array.isArray(value.richText))
      return value.richText.map((part: { text?: unknown }) => String(part.text ?? "")).join("");
    if ("text" in value) return cellOf(value.text);
    if ("error" in value) return String(value.error);
  }
  return String(value);
}
