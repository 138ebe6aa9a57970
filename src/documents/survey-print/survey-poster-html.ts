import { sarabunFontFaceCss } from "../html/html-styles.ts";
import { escapeXml } from "../xml-escape.ts";
import { qrSvg } from "./qr-svg.ts";
import type { SurveyPrintText } from "./survey-print-text.ts";

export interface SurveyPosterInput {
  agencyName: string;
  toolName: string;
  link: string;
  /** Respondents need a printed code: the poster says so. */
  needsCode: boolean;
  text: SurveyPrintText;
}

const css = `
@page { size: A4; margin: 18mm; }
body { margin: 0; font-family: "Sarabun", sans-serif; color: #000; text-align: center; }
h1 { font-size: 34pt; margin: 0 0 4mm; line-height: 1.2; }
.tool { font-size: 16pt; margin: 0 0 2mm; }
.agency { font-size: 20pt; font-weight: 700; margin: 0 0 8mm; }
.qr svg { width: 120mm; height: 120mm; }
.call { font-size: 16pt; margin: 6mm 10mm 0; line-height: 1.4; }
.scan { font-size: 13pt; margin: 6mm 0 1mm; }
.link { font-size: 13pt; font-weight: 700; word-break: break-all; margin: 0; }
.code { font-size: 13pt; margin: 4mm 0 0; }
`;

/** A self-contained A4 poster: the agency, a large QR code of the survey link and a call to answer. */
export async function surveyPosterHtml(input: SurveyPosterInput): Promise<string> {
  const qr = await qrSvg(input.link);
  return `<!DOCTYPE html><html lang="th"><head><meta charset="utf-8">
<title>${escapeXml(`${input.text.posterTitle} ${input.toolName}`)}</title>
<style>${sarabunFontFaceCss()}${css}</style></head><body>
<h1>${escapeXml(input.text.posterTitle)}</h1>
<p class="tool">${escapeXml(input.toolName)}</p>
<p class="agency">${escapeXml(input.agencyName)}</p>
<div class="qr">${qr}</div>
<p class="call">${escapeXml(input.text.posterCall)}</p>
<p class="scan">${escapeXml(input.text.posterScan)}</p>
<p class="link">${escapeXml(input.link)}</p>
${input.needsCode ? `<p class="code">${escapeXml(input.text.posterCode)}</p>` : ""}
</body></html>`;
}
