import { sarabunWebFaces } from "../fonts/sarabun-fonts.ts";
import type { DocumentModel } from "../model.ts";

// Thai official prose indents its first line 2.5 cm (ระเบียบงานสารบรรณ).
export const FIRST_LINE_INDENT_CM = 2.5;
/** Width of the marker column of a list, in centimetres. */
export const LIST_MARKER_CM = 1.25;

let fontFaceCss: string | undefined;

/** The Sarabun `@font-face` rules with the WOFF2 data inline, built once per process. */
export function sarabunFontFaceCss(): string {
  fontFaceCss ??= sarabunWebFaces()
    .map(
      (face) =>
        `@font-face{font-family:"Sarabun";font-style:normal;font-weight:${face.weight};` +
        `font-display:block;src:url(data:font/woff2;base64,${face.woff2.toString("base64")}) ` +
        `format("woff2");unicode-range:${face.unicodeRange};}`,
    )
    .join("\n");
  return fontFaceCss;
}

/** The page's style sheet: screen view centred like a sheet of paper, print view on A4. */
export function documentCss(model: DocumentModel): string {
  const { top, right, bottom, left } = model.page.margins;
  const margins = `${top}mm ${right}mm ${bottom}mm ${left}mm`;
  return `${sarabunFontFaceCss()}
@page{size:A4 portrait;margin:${margins};
@bottom-center{content:"- " counter(page, thai) " -";font-family:"Sarabun",sans-serif;font-size:${model.font.sizePt}pt;vertical-align:middle;}}
*,*::before,*::after{box-sizing:border-box;}
html{font-family:"Sarabun","TH Sarabun New",Tahoma,sans-serif;font-size:${model.font.sizePt}pt;line-height:1.5;color:#000;background:#e9e9e9;-webkit-text-size-adjust:100%;}
body{margin:0;padding:1.5rem 0.75rem;}
.sheet{max-width:210mm;margin:0 auto;padding:${margins};background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.25);}
h1,h2,h3,h4{font-weight:700;line-height:1.4;margin:0.6em 0 0.3em;break-after:avoid;}
h1{font-size:1.25em;text-align:center;margin:0 0 0.8em;}
h2{font-size:1.125em;}
h3,h4{font-size:1em;}
p{margin:0 0 0.25em;orphans:2;widows:2;}
p.indent{text-indent:${FIRST_LINE_INDENT_CM}cm;}
.align-left{text-align:left;}
.align-center{text-align:center;}
.align-right{text-align:right;}
.align-justify{text-align:justify;}
a{color:inherit;}
ul.marked{list-style:none;margin:0 0 0.25em;padding:0 0 0 ${FIRST_LINE_INDENT_CM}cm;}
ul.marked>li{padding-left:${LIST_MARKER_CM}cm;text-indent:-${LIST_MARKER_CM}cm;}
ul.marked .marker{display:inline-block;min-width:${LIST_MARKER_CM}cm;padding-right:0.25em;text-indent:0;}
table{width:100%;border-collapse:collapse;margin:0.4em 0 0.6em;}
caption{font-weight:700;text-align:left;padding-bottom:0.2em;caption-side:top;}
th,td{border:1px solid #000;padding:0.1em 0.35em;vertical-align:top;overflow-wrap:break-word;}
th{background:#ededed;font-weight:700;text-align:center;}
thead{display:table-header-group;}
tr{break-inside:avoid;}
td p,th p{margin:0;}
figure.chart{margin:0.5em 0 0.8em;break-inside:avoid;}
figure.chart svg{display:block;width:100%;height:auto;}
figcaption{text-align:center;font-weight:700;margin-top:0.2em;}
.signature{margin:0 0 0 50%;padding-top:1.5em;text-align:center;break-inside:avoid;}
.signature p{margin:0;}
.page-break{break-after:page;height:0;margin:1.5rem -1rem;border-top:1px dashed #9a9a9a;}
@media print{
html{background:none;}
body{padding:0;}
.sheet{max-width:none;margin:0;padding:0;box-shadow:none;}
.page-break{margin:0;border:0;}
table{table-layout:fixed;}
}
@media screen and (max-width:600px){
html{font-size:14pt;}
body{padding:0;}
.sheet{padding:1.25rem 1rem;}
p.indent{text-indent:2em;}
ul.marked{padding-left:0;}
ul.marked>li{padding-left:2.25em;text-indent:-2.25em;}
ul.marked .marker{min-width:2.25em;}
.signature{margin-left:30%;}
.page-break{margin:1.5rem 0;}
table{font-size:0.8em;}
th,td{padding:0.15em 0.3em;}
.table-scroll{overflow-x:auto;}
}`;
}
