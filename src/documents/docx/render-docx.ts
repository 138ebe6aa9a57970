import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  NumberFormat,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TextRun,
} from "docx";
import { DEFAULT_CHART_SIZE, describeIndicatorChart } from "../chart/render-indicator-chart.ts";
import { FIRST_LINE_INDENT_CM, LIST_MARKER_CM } from "../html/html-styles.ts";
import type { Block, DocumentModel } from "../model.ts";
import { ChartRun } from "./docx-chart.ts";
import { ALIGNMENTS, type BodyChild, runs, textRun } from "./docx-runs.ts";
import { A4_MM, cmToTwips, documentStyles, mmToTwips, textWidthMm } from "./docx-styles.ts";
import { renderTable } from "./docx-table.ts";

function renderChart(block: Extract<Block, { kind: "chart" }>, widthMm: number): BodyChild[] {
  const size = {
    widthMm,
    heightMm: (widthMm * DEFAULT_CHART_SIZE.height) / DEFAULT_CHART_SIZE.width,
  };
  const altText = `${block.chart.title}: ${describeIndicatorChart(block.chart)}`;
  return [
    {
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 80, after: 0 },
      children: [new ChartRun(block.chart, size, altText)],
    },
    { style: "FigureCaption", children: [textRun(block.caption)] },
  ];
}

async function renderBlock(block: Block, model: DocumentModel): Promise<BodyChild[]> {
  const widthMm = textWidthMm(model);
  switch (block.kind) {
    case "title":
      return block.lines.map((line) => ({
        heading: HeadingLevel.TITLE,
        children: [textRun(line)],
      }));
    case "heading": {
      const level = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][
        block.level - 1
      ];
      return [{ heading: level, children: [textRun(block.text)] }];
    }
    case "paragraph":
      return [
        {
          alignment: block.align ? ALIGNMENTS[block.align] : undefined,
          indent: block.indent ? { firstLine: cmToTwips(FIRST_LINE_INDENT_CM) } : undefined,
          children: runs(block.runs),
        },
      ];
    case "list":
      // Marker, tab, text: the hanging indent is the tab stop, so wrapped lines align with the text.
      return block.items.map((item) => ({
        indent: {
          left: cmToTwips(FIRST_LINE_INDENT_CM + LIST_MARKER_CM),
          hanging: cmToTwips(LIST_MARKER_CM),
        },
        children: [
          textRun(item.marker),
          new TextRun({ children: [new Tab()] }),
          ...runs(item.runs),
        ],
      }));
    case "table":
      return renderTable(block, mmToTwips(widthMm));
    case "chart":
      return renderChart(block, widthMm);
    case "signature":
      return block.lines.map((line, index) => ({
        alignment: AlignmentType.CENTER,
        indent: { left: mmToTwips(widthMm / 2) },
        keepNext: index < block.lines.length - 1,
        keepLines: true,
        spacing: { before: index === 0 ? 360 : 0, after: 0 },
        children: [textRun(line)],
      }));
    case "pageBreak":
      return [];
  }
}

function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ["- ", PageNumber.CURRENT, " -"] })],
      }),
    ],
  });
}

// A break becomes "page break before" on the next paragraph: a break paragraph that lands at the
// top of a page would otherwise leave that page blank.
async function renderBody(model: DocumentModel): Promise<(Paragraph | Table)[]> {
  const rendered = await Promise.all(model.blocks.map((block) => renderBlock(block, model)));
  const body: (Paragraph | Table)[] = [];
  let breakPending = false;
  model.blocks.forEach((block, index) => {
    if (block.kind === "pageBreak") {
      breakPending = body.length > 0;
      return;
    }
    for (const child of rendered[index] ?? []) {
      if (child instanceof Table) {
        if (breakPending)
          body.push(new Paragraph({ pageBreakBefore: true, spacing: { after: 0 } }));
        body.push(child);
      } else {
        body.push(new Paragraph(breakPending ? { ...child, pageBreakBefore: true } : child));
      }
      breakPending = false;
    }
  });
  return body;
}

/** Renders the document as a Word file: A4, Sarabun, real heading styles, the chart as a native Word chart. */
export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  const children = await renderBody(model);
  const { margins } = model.page;
  const document = new Document({
    title: model.meta.title,
    subject: model.meta.subject,
    creator: model.meta.author,
    lastModifiedBy: model.meta.author,
    keywords: model.meta.keywords.join(", "),
    styles: documentStyles(model),
    sections: [
      {
        properties: {
          page: {
            size: {
              width: mmToTwips(A4_MM.width),
              height: mmToTwips(A4_MM.height),
              orientation: "portrait",
            },
            margin: {
              top: mmToTwips(margins.top),
              right: mmToTwips(margins.right),
              bottom: mmToTwips(margins.bottom),
              left: mmToTwips(margins.left),
              header: mmToTwips(margins.top / 2),
              footer: mmToTwips(margins.bottom / 2),
            },
            // Page numbers in Thai digits, as in the printed PDF: "- ๑ -".
            pageNumbers: { formatType: NumberFormat.THAI_NUMBERS },
          },
        },
        footers: { default: pageNumberFooter() },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
