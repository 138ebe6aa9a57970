import type { IRunOptions, IStylesOptions } from "docx";
import type { DocumentModel } from "../model.ts";

/** Twentieths of a point per millimetre. */
export const TWIPS_PER_MM = 1440 / 25.4;
export const A4_MM = { width: 210, height: 297 } as const;

export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

export function cmToTwips(cm: number): number {
  return mmToTwips(cm * 10);
}

/** Width of the text column in millimetres: the page less the side margins. */
export function textWidthMm(model: DocumentModel): number {
  return A4_MM.width - model.page.margins.left - model.page.margins.right;
}

/** The same face for every script slot: Latin, high-ANSI, complex script (Thai) and East Asian. */
export function runFonts(family: string) {
  return { ascii: family, hAnsi: family, cs: family, eastAsia: family };
}

// Word draws Thai with the complex-script font and size (w:cs, w:szCs) and tags the language in
// w:bidi, so every face, size and language slot is filled, not only the Latin ones.
export function fontRunOptions(model: DocumentModel): IRunOptions {
  const family = model.font.family;
  const halfPoints = Math.round(model.font.sizePt * 2);
  return {
    font: runFonts(family),
    size: halfPoints,
    sizeComplexScript: halfPoints,
    language: { value: "th-TH", bidirectional: "th-TH" },
  };
}

function headingRun(model: DocumentModel, scale: number) {
  const halfPoints = Math.round(model.font.sizePt * 2 * scale);
  return {
    bold: true,
    boldComplexScript: true,
    color: "000000",
    size: halfPoints,
    sizeComplexScript: halfPoints,
  };
}

export function documentStyles(model: DocumentModel): IStylesOptions {
  const headingParagraph = (outlineLevel: number) => ({
    keepNext: true,
    keepLines: true,
    outlineLevel,
    spacing: { before: 200, after: 80 },
  });
  return {
    default: {
      document: {
        run: fontRunOptions(model),
        paragraph: { spacing: { after: 60 } },
      },
      title: {
        run: headingRun(model, 1.25),
        paragraph: { alignment: "center", keepNext: true, spacing: { after: 0 } },
      },
      heading1: { run: headingRun(model, 1.125), paragraph: headingParagraph(0) },
      heading2: { run: headingRun(model, 1), paragraph: headingParagraph(1) },
      heading3: { run: headingRun(model, 1), paragraph: headingParagraph(2) },
      hyperlink: { run: { color: "000000", underline: { type: "single" } } },
    },
    paragraphStyles: [
      // Table cells use a style rather than per-paragraph properties: smaller, faster files.
      {
        id: "TableText",
        name: "Table Text",
        basedOn: "Normal",
        paragraph: { spacing: { after: 0 } },
      },
      {
        id: "TableCaption",
        name: "Table Caption",
        basedOn: "Normal",
        next: "Normal",
        run: { bold: true, boldComplexScript: true },
        paragraph: { keepNext: true, spacing: { before: 120, after: 40 } },
      },
      {
        id: "FigureCaption",
        name: "Figure Caption",
        basedOn: "Normal",
        next: "Normal",
        run: { bold: true, boldComplexScript: true },
        paragraph: { alignment: "center", spacing: { before: 40, after: 160 } },
      },
    ],
  };
}
