import { cachedChartSvg } from "../chart/chart-cache.ts";
import type { Block, DocumentModel, Inline, Paragraph, TableColumn } from "../model.ts";
import { isSafeLink } from "../safe-link.ts";
import { escapeXml } from "../xml-escape.ts";
import { documentCss } from "./html-styles.ts";

function renderInline(inline: Inline): string {
  if (typeof inline === "string") return escapeXml(inline);
  let html = escapeXml(inline.text);
  if (inline.italic) html = `<em>${html}</em>`;
  if (inline.bold) html = `<strong>${html}</strong>`;
  if (isSafeLink(inline.link)) {
    html = `<a href="${escapeXml(inline.link)}">${html}</a>`;
  }
  return html;
}

function renderRuns(runs: Paragraph): string {
  return runs.map(renderInline).join("");
}

function alignClass(align: TableColumn["align"] | "justify" | undefined): string {
  return align ? `align-${align}` : "";
}

function classAttribute(...classes: string[]): string {
  const names = classes.filter((name) => name !== "");
  return names.length > 0 ? ` class="${names.join(" ")}"` : "";
}

function renderTable(block: Extract<Block, { kind: "table" }>): string {
  const total = block.columns.reduce((sum, column) => sum + column.width, 0) || 1;
  const cols = block.columns
    .map((column) => `<col style="width:${((column.width / total) * 100).toFixed(2)}%">`)
    .join("");
  const header = block.columns
    .map((column) => `<th scope="col">${escapeXml(column.header)}</th>`)
    .join("");
  const rows = block.rows
    .map((row) => {
      const cells = row.map((cell, index) => {
        const align = alignClass(block.columns[index]?.align);
        const paragraphs = cell.paragraphs.map((runs) => `<p>${renderRuns(runs)}</p>`).join("");
        return `<td${classAttribute(align)}>${paragraphs}</td>`;
      });
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("\n");
  const caption = block.caption ? `<caption>${escapeXml(block.caption)}</caption>` : "";
  // On narrow screens a wide table scrolls sideways instead of spilling off the page.
  return `<div class="table-scroll"><table>${caption}<colgroup>${cols}</colgroup><thead><tr>${header}</tr></thead>\n<tbody>\n${rows}\n</tbody></table></div>`;
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case "title":
      return `<h1>${block.lines.map(escapeXml).join("<br>")}</h1>`;
    case "heading": {
      // The title is the page's h1, so model headings start at h2.
      const tag = `h${block.level + 1}`;
      return `<${tag}>${escapeXml(block.text)}</${tag}>`;
    }
    case "paragraph":
      return `<p${classAttribute(block.indent ? "indent" : "", alignClass(block.align))}>${renderRuns(block.runs)}</p>`;
    case "list": {
      const items = block.items
        .map(
          (item) =>
            `<li><span class="marker">${escapeXml(item.marker)}</span>${renderRuns(item.runs)}</li>`,
        )
        .join("\n");
      return `<ul class="marked" role="list">\n${items}\n</ul>`;
    }
    case "table":
      return renderTable(block);
    case "chart":
      return `<figure class="chart">${cachedChartSvg(block.chart)}<figcaption>${escapeXml(block.caption)}</figcaption></figure>`;
    case "signature":
      return `<div class="signature">${block.lines.map((line) => `<p>${escapeXml(line)}</p>`).join("")}</div>`;
    case "pageBreak":
      return `<div class="page-break" role="presentation"></div>`;
  }
}

/** Renders the document as one standalone HTML5 page (fonts inline), for screen and print. */
export function renderHtml(model: DocumentModel): string {
  const { meta } = model;
  const body = model.blocks.map(renderBlock).join("\n");
  return `<!DOCTYPE html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(meta.title)}</title>
<meta name="description" content="${escapeXml(meta.subject)}">
<meta name="author" content="${escapeXml(meta.author)}">
<meta name="keywords" content="${escapeXml(meta.keywords.join(", "))}">
<style>
${documentCss(model)}
</style>
</head>
<body>
<main class="sheet">
${body}
</main>
</body>
</html>
`;
}
