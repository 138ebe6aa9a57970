import { pipeline, type Readable } from "node:stream";
import { parse } from "csv-parse";
import type { SheetRow } from "./sheet-row.ts";

/** Rows of a UTF-8 CSV file (a byte-order mark is fine), streamed record by record. */
export async function* readCsvRows(source: Readable): AsyncGenerator<SheetRow> {
  const parser = parse({
    bom: true,
    info: true,
    skip_empty_lines: true,
    relax_column_count: true,
    max_record_size: 64 * 1024,
  });
  // pipeline passes a failing upload on to the parser, so the loop below ends with its error.
  pipeline(source, parser, () => {});
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    // info.lines is where the record ends; a quoted field may span lines, so count back to its start.
    const spanned = record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
    yield { row: info.lines - spanned, cells: record };
  }
}
