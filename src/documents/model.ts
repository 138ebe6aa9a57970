// One document model, three renderers (HTML, DOCX, PDF). Builders put every word and number
// into the model already formatted (digits, dates); renderers only lay it out.

import type { DigitStyle } from "../domain/thai/numerals.ts";

export type { DigitStyle };

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Absolute URL; rendered as a hyperlink. */
  link?: string;
}

/** A paragraph is a list of runs; a bare string is one plain run. */
export type Inline = string | Run;
export type Paragraph = Inline[];

export interface TableColumn {
  header: string;
  /** Relative width; renderers scale the columns to the text width. */
  width: number;
  align?: "left" | "center" | "right";
}

export interface TableCell {
  paragraphs: Paragraph[];
}

export interface IndicatorChart {
  kind: "indicator-bars";
  /** Accessible summary of what the chart shows, in Thai. */
  title: string;
  /** One label per bar group, e.g. "๑ การปฏิบัติหน้าที่". */
  categories: string[];
  /** One series per fiscal year, oldest first; `null` where a year has no value. */
  series: { name: string; values: (number | null)[] }[];
  /** Horizontal guide lines such as the pass mark. */
  marks: { value: number; label: string }[];
  digits: DigitStyle;
}

export type Block =
  | { kind: "title"; lines: string[] }
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | {
      kind: "paragraph";
      runs: Paragraph;
      /** First-line indent, as in Thai official prose. */
      indent?: boolean;
      align?: "left" | "center" | "right" | "justify";
    }
  | {
      kind: "list";
      /** Marker text per item is part of the model (e.g. "(๑)"), so every renderer agrees. */
      items: { marker: string; runs: Paragraph }[];
    }
  | { kind: "table"; caption?: string; columns: TableColumn[]; rows: TableCell[][] }
  | { kind: "chart"; chart: IndicatorChart; caption: string }
  | {
      kind: "signature";
      /** Lines of the signature block, centred at the right half, e.g. "(ลงชื่อ) ....". */
      lines: string[];
    }
  | { kind: "pageBreak" };

export interface DocumentModel {
  meta: {
    title: string;
    subject: string;
    /** The agency that issues the document. */
    author: string;
    keywords: string[];
    language: "th";
  };
  page: {
    size: "A4";
    /** Margins in millimetres, per Thai official-document practice. */
    margins: { top: number; right: number; bottom: number; left: number };
  };
  font: { family: "Sarabun"; sizePt: number };
  blocks: Block[];
}
