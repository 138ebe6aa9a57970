import { Readable } from "node:stream";
import {
  type OpenIndicatorField,
  type OpenResultRow,
  openResultFixedFields,
  openResultTotalFields,
} from "../../../shared/open-data.ts";

// A year's open rows written while they are read, one keyset page at a time: as CSV (UTF-8 with
// a byte-order mark, Thai / English headers) or as one JSON document with the rows in an array.

interface Columns {
  key: string;
  header: string;
}

function columnsOf(fields: readonly OpenIndicatorField[]): Columns[] {
  return [
    ...openResultFixedFields.map(([key, th]) => ({ key, header: `${th} / ${key}` })),
    ...fields.map((f) => ({ key: f.key, header: `${f.th} / ${f.key}` })),
    ...openResultTotalFields.map(([key, th]) => ({ key, header: `${th} / ${key}` })),
  ];
}

/** RFC 4180 quoting; text a spreadsheet would run as a formula is kept as text. */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const raw = String(value);
  const text = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function openResultsCsv(
  fields: readonly OpenIndicatorField[],
  pages: AsyncIterable<OpenResultRow[]>,
): Readable {
  const columns = columnsOf(fields);
  const line = (cells: unknown[]) => `${cells.map(csvCell).join(",")}\r\n`;
  async function* lines() {
    yield `\uFEFF${line(columns.map((c) => c.header))}`;
    for await (const page of pages)
      yield page
        .map((row) => line(columns.map((c) => (row as Record<string, unknown>)[c.key])))
        .join("");
  }
  return Readable.from(lines());
}

export function openResultsJson(
  head: { fiscalYear: number; license: string; indicators: readonly OpenIndicatorField[] },
  pages: AsyncIterable<OpenResultRow[]>,
): Readable {
  async function* parts() {
    const start = JSON.stringify({ ...head, rows: [] });
    // Everything before the closing "]}" of the empty rows array, then the rows, then the close.
    yield `${start.slice(0, -2)}\n`;
    let first = true;
    for await (const page of pages) {
      if (page.length === 0) continue;
      yield `${first ? "" : ",\n"}${page.map((row) => JSON.stringify(row)).join(",\n")}`;
      first = false;
    }
    yield "\n]}\n";
  }
  return Readable.from(parts());
}
