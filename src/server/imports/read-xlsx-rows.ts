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
    // Later worksheets (notes beside the data) are read and ignored. Not reading them is not an
    // option: a sheet stored before the shared strings is buffered in a temporary file that the
    // reader deletes as soon as the next sheet is asked for, racing the stream that would open it.
    if (!first) {
      for await (const _row of worksheet) {
        // ignored
      }
      continue;
    }
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
