import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import { sarabunFontFaceCss } from "../documents/html/html-styles.ts";
import type { PdfRenderer } from "../documents/pdf/render-pdf.ts";
import { escapeXml } from "../documents/xml-escape.ts";

// Real PDF and DOCX files with Thai text for the checker's tests and benchmark.

/** A one-page PDF printed by headless Chromium, Sarabun embedded so Thai text extracts. */
export function fixturePdf(renderer: PdfRenderer, title: string, lines: string[]): Promise<Buffer> {
  const body = lines.map((line) => `<p>${escapeXml(line)}</p>`).join("");
  return renderer.printHtml(
    `<!doctype html><html lang="th"><head><meta charset="utf-8"><style>${sarabunFontFaceCss()}` +
      `body{font-family:Sarabun}</style></head><body><h1>${escapeXml(title)}</h1>${body}</body></html>`,
  );
}

/** A DOCX written with the `docx` package. */
export function fixtureDocx(title: string, lines: string[]): Promise<Buffer> {
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
          ...lines.map((line) => new Paragraph({ text: line })),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
