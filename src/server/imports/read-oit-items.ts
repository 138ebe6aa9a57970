import { type OitSheetRow, readOitItemSheet } from "../../domain/framework/oit-item-sheet.ts";
import type { OitItemsInput } from "../../domain/framework/oit-items-input.ts";
import { readSheetRows, type Upload } from "./read-sheet-rows.ts";

// An OIT list has tens of rows; far more means the wrong file.
const MAX_ROWS = 2_000;

/** An OIT item list from an uploaded (or opened) XLSX or CSV file, every row read before checking. */
export async function readOitItemsSheet(upload: Upload): Promise<OitItemsInput> {
  const rows: OitSheetRow[] = [];
  for await (const row of readSheetRows(upload)) {
    rows.push(row);
    if (rows.length > MAX_ROWS)
      return {
        items: [],
        dropped: [],
        problems: [
          {
            path: "file",
            th: `ไฟล์มีเกิน ${MAX_ROWS} แถว ตรวจว่าเป็นไฟล์รายการข้อ OIT`,
            en: `the file has more than ${MAX_ROWS} rows: is it an OIT item list?`,
          },
        ],
      };
  }
  return readOitItemSheet(rows);
}
