import { sarabunFontFaceCss } from "../html/html-styles.ts";
import { escapeXml } from "../xml-escape.ts";
import { qrSvg } from "./qr-svg.ts";
import type { SurveyPrintText } from "./survey-print-text.ts";

export interface SurveyCardsInput {
  agencyName: string;
  toolName: string;
  /** The survey's public link; each card's QR code adds its code to it. */
  link: string;
  codes: readonly string[];
  text: SurveyPrintText;
}

// Ten cards per A4 sheet (2 × 5), each cut along the dashed lines.
const css = `
@page { size: A4; margin: 10mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Sarabun", sans-serif; color: #000; }
.sheet { display: grid; grid-template-columns: 95mm 95mm; grid-auto-rows: 55mm; break-after: page; }
.sheet:last-child { break-after: auto; }
.card { border: 0.3mm dashed #666; padding: 3mm 4mm; display: grid; grid-template-columns: 1fr 30mm;
  gap: 3mm; overflow: hidden; }
.card svg { width: 30mm; height: 30mm; }
.agency { font-size: 9pt; font-weight: 700; margin: 0; line-height: 1.2; }
.tool { font-size: 8pt; margin: 0.5mm 0 0; line-height: 1.2; }
.title { font-size: 8pt; margin: 1.5mm 0 0; }
.code { font-size: 20pt; font-weight: 700; letter-spacing: 0.6mm; margin: 0; line-height: 1.1;
  font-variant-numeric: tabular-nums; }
.instruction { font-size: 7pt; line-height: 1.25; margin: 1mm 0 0; }
.link { font-size: 6.5pt; margin: 1mm 0 0; word-break: break-all; }
`;

async function card(input: SurveyCardsInput, code: string): Promise<string> {
  const qr = await qrSvg(`${input.link}?code=${encodeURIComponent(code)}`);
  return `<div class="card"><div>
<p class="agency">${escapeXml(input.agencyName)}</p>
<p class="tool">${escapeXml(input.toolName)}</p>
<p class="title">${escapeXml(input.text.cardTitle)}</p>
<p class="code">${escapeXml(code)}</p>
<p class="instruction">${escapeXml(input.text.cardInstruction)}</p>
<p class="link">${escapeXml(input.link)}</p>
</div>${qr}</div>`;
}

/** A self-contained page of code cards, ten to a sheet, ready to print to PDF. */
export async function surveyCardsHtml(input: SurveyCardsInput): Promise<string> {
  const cards = await Promise.all(input.codes.map((code) => card(input, code)));
  const sheets: string[] = [];
  for (let i = 0; i < cards.length; i += 10)
    sheets.push(`<section class="sheet">${cards.slice(i, i + 10).join("")}</section>`);
  return `<!DOCTYPE html><html lang="th"><head><meta charset="utf-8">
<title>${escapeXml(`${input.text.cardTitle} ${input.toolName}`)}</title>
<style>${sarabunFontFaceCss()}${css}</style></head><body>${sheets.join("")}</body></html>`;
}
