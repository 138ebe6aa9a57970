import type { IssueDetail } from "../errors.ts";
import type { ResultField } from "./check-result.ts";
import { cellNumber, cellText, type HeaderMap, type ImportColumn } from "./import-columns.ts";

type Cell = string | number | null;

/** One data row read by its header: the values found and the problems of each cell. */
export interface ImportRowValues {
  row: number;
  agencyId: string | null;
  agencyName: string | null;
  province: string | null;
  fiscalYear: number | null;
  frameworkId: string | null;
  indicators: Record<string, number>;
  officialOverall: number | null;
  officialLevel: string | null;
  problems: IssueDetail[];
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a problem of this row is: `row 7 / ตัวชี้วัด 3`, with the header as the file writes it. */
export function cellPath(header: HeaderMap, row: number, wanted: ImportColumn): string {
  for (const [index, column] of header.columns)
    if (
      column.kind === wanted.kind &&
      (column.kind !== "indicator" ||
        wanted.kind !== "indicator" ||
        column.number === wanted.number)
    )
      return `row ${row} / ${header.names.get(index)}`;
  return `row ${row} / ${wanted.kind === "indicator" ? `ตัวชี้วัด ${wanted.number}` : wanted.kind}`;
}

/** Maps a result check's field to this row's cell. */
export function resultFieldPath(header: HeaderMap, row: number): (field: ResultField) => string {
  return (field) => {
    switch (field.kind) {
      case "indicator":
        return cellPath(header, row, { kind: "indicator", number: field.number });
      case "official-overall":
      case "official-level":
        return cellPath(header, row, { kind: field.kind });
      case "oit":
        return `row ${row} / ${field.id}`;
    }
  };
}

/** Reads one row's cells by the header, listing every cell that is wrong in itself. */
export function readImportRow(
  header: HeaderMap,
  row: number,
  cells: readonly Cell[],
): ImportRowValues {
  const values: ImportRowValues = {
    row,
    agencyId: null,
    agencyName: null,
    province: null,
    fiscalYear: null,
    frameworkId: null,
    indicators: {},
    officialOverall: null,
    officialLevel: null,
    problems: [],
  };
  const add = (index: number, th: string, en: string) =>
    values.problems.push({ path: `row ${row} / ${header.names.get(index)}`, th, en });
  for (const [index, column] of header.columns) {
    const cell = cells[index] ?? null;
    if (typeof cell === "string" && cell.includes("\uFFFD")) {
      add(
        index,
        "อักษรอ่านไม่ออก กรุณาบันทึกไฟล์เป็น CSV UTF-8",
        "unreadable characters: save the file as CSV UTF-8",
      );
      continue;
    }
    const text = cellText(cell);
    switch (column.kind) {
      case "agency-id":
        if (text && !uuid.test(text))
          add(index, `รหัสหน่วยงาน "${text}" ไม่ใช่ UUID`, `agency id "${text}" is not a UUID`);
        else values.agencyId = text?.toLowerCase() ?? null;
        break;
      case "agency-name":
        values.agencyName = text;
        break;
      case "province":
        values.province = text;
        break;
      case "framework":
        values.frameworkId = text;
        break;
      case "official-level":
        values.officialLevel = text;
        break;
      case "fiscal-year": {
        const year = cellNumber(cell);
        if (year === null) add(index, "ต้องระบุปีงบประมาณ", "the fiscal year is required");
        else if (!Number.isInteger(year) || year < 2500 || year > 2700)
          add(
            index,
            `ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2566 (ได้ ${text})`,
            `the fiscal year must be a Buddhist Era year such as 2566 (got ${text})`,
          );
        else values.fiscalYear = year;
        break;
      }
      case "indicator": {
        const score = cellNumber(cell);
        if (Number.isNaN(score))
          add(index, `คะแนน "${text}" ไม่ใช่ตัวเลข`, `score "${text}" is not a number`);
        else if (score !== null) values.indicators[column.number] = score;
        break;
      }
      case "official-overall": {
        const overall = cellNumber(cell);
        if (overall === null)
          add(index, "ต้องระบุคะแนนรวมที่ประกาศ", "the official overall is required");
        else if (Number.isNaN(overall))
          add(index, `คะแนนรวม "${text}" ไม่ใช่ตัวเลข`, `overall "${text}" is not a number`);
        else values.officialOverall = overall;
        break;
      }
    }
  }
  const idPath = cellPath(header, row, { kind: "agency-id" });
  const badId = values.problems.some((p) => p.path === idPath);
  if (!values.agencyId && !(values.agencyName && values.province) && !badId)
    values.problems.push({
      path: cellPath(header, row, agencyColumn(header)),
      th: "ต้องระบุรหัสหน่วยงาน หรือชื่อหน่วยงานพร้อมจังหวัด",
      en: "give the agency id, or the agency name with its province",
    });
  return values;
}

// The agency column people filled in, to point the "which agency?" problem at it.
function agencyColumn(header: HeaderMap): ImportColumn {
  const kinds = [...header.columns.values()].map((c) => c.kind);
  return kinds.includes("agency-id") ? { kind: "agency-id" } : { kind: "agency-name" };
}
