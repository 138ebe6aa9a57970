import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  WidthType,
} from "docx";
import type { Block } from "../model.ts";
import { ALIGNMENTS, type BodyChild, runs, textRun } from "./docx-runs.ts";

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;

/** A bordered table whose header row repeats on every page; an optional caption above it. */
export function renderTable(
  block: Extract<Block, { kind: "table" }>,
  widthTwips: number,
): BodyChild[] {
  const total = block.columns.reduce((sum, column) => sum + column.width, 0) || 1;
  const widths = block.columns.map((column) => Math.floor((column.width / total) * widthTwips));
  const cell = (children: Paragraph[], index: number, header: boolean) =>
    new TableCell({
      children,
      width: { size: widths[index] ?? 0, type: WidthType.DXA },
      shading: header ? { type: ShadingType.CLEAR, color: "auto", fill: "EDEDED" } : undefined,
    });
  // The header row repeats on every page (w:tblHeader); no row splits across a page (w:cantSplit).
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((column, index) =>
      cell(
        [
          new Paragraph({
            style: "TableText",
            alignment: AlignmentType.CENTER,
            children: [textRun({ text: column.header, bold: true })],
          }),
        ],
        index,
        true,
      ),
    ),
  });
  const rows = block.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.map((tableCell, index) => {
          const align = block.columns[index]?.align;
          const paragraphs = (tableCell.paragraphs.length > 0 ? tableCell.paragraphs : [[]]).map(
            (paragraph) =>
              new Paragraph({
                style: "TableText",
                alignment: align ? ALIGNMENTS[align] : undefined,
                children: runs(paragraph),
              }),
          );
          return cell(paragraphs, index, false);
        }),
      }),
  );
  const table = new Table({
    rows: [header, ...rows],
    width: { size: widthTwips, type: WidthType.DXA },
    columnWidths: widths,
    // One table-wide cell margin instead of a copy in every cell.
    margins: { left: 80, right: 80, top: 20, bottom: 20 },
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
  });
  const caption = block.caption
    ? [{ style: "TableCaption", children: [textRun(block.caption)] }]
    : [];
  return [...caption, table];
}
