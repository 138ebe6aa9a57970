import {
  AlignmentType,
  ExternalHyperlink,
  type IParagraphOptions,
  type Table,
  TextRun,
} from "docx";
import type { Inline, Paragraph as ModelParagraph, TableColumn } from "../model.ts";
import { isSafeLink } from "../safe-link.ts";

export type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];
/** Paragraphs stay options until placed, so a preceding page break can still be added to them. */
export type BodyChild = IParagraphOptions | Table;

// Word's "Thai distributed" justification spreads Thai lines, which have no spaces to stretch.
export const ALIGNMENTS: Record<NonNullable<TableColumn["align"]> | "justify", Alignment> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.THAI_DISTRIBUTE,
};

// Font, size and language come from the document defaults: per-run copies triple the XML.
export function textRun(inline: Inline): TextRun {
  const run = typeof inline === "string" ? { text: inline } : inline;
  return new TextRun({
    text: run.text,
    bold: run.bold,
    boldComplexScript: run.bold,
    italics: run.italic,
    italicsComplexScript: run.italic,
    style: isSafeLink(run.link) ? "Hyperlink" : undefined,
  });
}

export function runs(paragraph: ModelParagraph): (TextRun | ExternalHyperlink)[] {
  return paragraph.map((inline) =>
    typeof inline !== "string" && isSafeLink(inline.link)
      ? new ExternalHyperlink({ link: inline.link, children: [textRun(inline)] })
      : textRun(inline),
  );
}
