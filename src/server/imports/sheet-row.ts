/** One cell as a spreadsheet or CSV gives it. */
export type Cell = string | number | null;

/** One row of an uploaded sheet, numbered as a spreadsheet program shows it (the header is row 1). */
export interface SheetRow {
  row: number;
  cells: Cell[];
}
