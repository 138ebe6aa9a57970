import {
  type IContext,
  ImportedXmlComponent,
  type IXmlableObject,
  PackagePart,
  TextRun,
} from "docx";
import type { IndicatorChart } from "../model.ts";
import { escapeXml } from "../xml-escape.ts";

// The chart goes into the DOCX as a native Word chart (DrawingML), not a picture: Word and
// LibreOffice draw it with the document's font, users can restyle it, and it costs no rasterising.

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const EMU_PER_MM = 36_000;
const CAT_AXIS = 50_010;
const VAL_AXIS = 50_020;
// Light to dark with black outlines, so years stay apart when printed in black and white.
const FILLS = ["B9D3EE", "1F4E8C", "6F9FD1", "173D6E"];
/** Excel's locale prefix for native (Thai) digits; Arabic digits need none. */
const THAI_DIGITS = "[$-D00041E]";

const font = (size: number, extra = "") =>
  `<a:defRPr sz="${size}"${extra}><a:solidFill><a:srgbClr val="000000"/></a:solidFill><a:latin typeface="Sarabun"/><a:cs typeface="Sarabun"/></a:defRPr>`;
const textProps = (size: number, rotate = false) =>
  `<c:txPr><a:bodyPr${rotate ? ' rot="-5400000" vert="horz"' : ""}/><a:lstStyle/><a:p><a:pPr>${font(size)}</a:pPr><a:endParaRPr lang="th-TH"/></a:p></c:txPr>`;
const line = (rgb: string, widthEmu: number, dash = "") =>
  `<a:ln w="${widthEmu}"><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>${dash}</a:ln>`;

function categories(chart: IndicatorChart): string {
  const pts = chart.categories.map((c, i) => `<c:pt idx="${i}"><c:v>${escapeXml(c)}</c:v></c:pt>`);
  return `<c:cat><c:strLit><c:ptCount val="${pts.length}"/>${pts.join("")}</c:strLit></c:cat>`;
}

function values(list: (number | null)[], format: string): string {
  const pts = list.flatMap((v, i) =>
    v === null ? [] : [`<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`],
  );
  return `<c:val><c:numLit><c:formatCode>${escapeXml(format)}</c:formatCode><c:ptCount val="${list.length}"/>${pts.join("")}</c:numLit></c:val>`;
}

function barSeries(chart: IndicatorChart, format: string): string {
  const fills = chart.series.length === 1 ? ["4A7AB5"] : FILLS;
  return chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${fills[i % fills.length]}"/></a:solidFill>${line("000000", 9525)}</c:spPr>` +
        `<c:invertIfNegative val="0"/><c:dLbls><c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/>` +
        `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${textProps(900, true)}<c:dLblPos val="outEnd"/>` +
        `<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>` +
        `<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
        `${categories(chart)}${values(s.values, format)}</c:ser>`,
    )
    .join("");
}

// Guide lines (the pass mark) are line series at a constant value across every category.
function markSeries(chart: IndicatorChart, format: string): string {
  if (chart.marks.length === 0) return "";
  const series = chart.marks
    .map((mark, k) => {
      const i = chart.series.length + k;
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(mark.label)}</c:v></c:tx>` +
        `<c:spPr>${line("000000", 15875, '<a:prstDash val="dash"/>')}</c:spPr><c:marker><c:symbol val="none"/></c:marker>` +
        `${categories(chart)}${values(
          chart.categories.map(() => mark.value),
          format,
        )}<c:smooth val="0"/></c:ser>`
      );
    })
    .join("");
  return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/><c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/></c:lineChart>`;
}

export function chartSpaceXml(chart: IndicatorChart): string {
  const prefix = chart.digits === "thai" ? THAI_DIGITS : "";
  const valueFormat = `${prefix}0.00`;
  const axisFormat = `${prefix}0`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:lang val="th-TH"/><c:roundedCorners val="0"/>` +
    `<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${barSeries(chart, valueFormat)}` +
    `<c:gapWidth val="60"/><c:overlap val="-5"/><c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/></c:barChart>` +
    markSeries(chart, axisFormat) +
    `<c:catAx><c:axId val="${CAT_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:spPr>${line("000000", 9525)}</c:spPr>${textProps(900)}<c:crossAx val="${VAL_AXIS}"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AXIS}"/><c:scaling><c:orientation val="minMax"/><c:max val="100"/><c:min val="0"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr>${line("C8C8C8", 6350)}</c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${escapeXml(axisFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:spPr>${line("000000", 9525)}</c:spPr>${textProps(900)}<c:crossAx val="${CAT_AXIS}"/>` +
    `<c:crosses val="autoZero"/><c:crossBetween val="between"/><c:majorUnit val="20"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textProps(1000)}</c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>` +
    `${textProps(1000)}</c:chartSpace>`
  );
}

let drawingIds = 5000;

/** A run holding the chart: the part is added to the package when the run is written. */
export class ChartRun extends TextRun {
  private readonly part: PackagePart;

  constructor(chart: IndicatorChart, size: { widthMm: number; heightMm: number }, altText: string) {
    super({});
    this.part = new PackagePart({
      folder: "charts",
      name: "chart",
      extension: "xml",
      contentType: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
      relationshipType: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
      content: Buffer.from(chartSpaceXml(chart), "utf8"),
    });
    const cx = Math.round(size.widthMm * EMU_PER_MM);
    const cy = Math.round(size.heightMm * EMU_PER_MM);
    drawingIds += 1;
    const drawing =
      `<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
      `xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">` +
      `<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/>` +
      `<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="${drawingIds}" name="${escapeXml(chart.title)}" descr="${escapeXml(altText)}"/>` +
      `<wp:cNvGraphicFramePr/><a:graphic xmlns:a="${NS_A}"><a:graphicData uri="${NS_C}">` +
      `<c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${this.part.relationshipId}"/>` +
      `</a:graphicData></a:graphic></wp:inline></w:drawing>`;
    this.root.push(ImportedXmlComponent.fromXmlString(drawing));
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    this.part.addTo(context);
    return super.prepForXml(context);
  }
}
