import { describe, expect, it } from "vitest";
import type { DocumentModel } from "../model.ts";
import { buildFixtureModel, FIXTURE_MEASURE_NAMES, FIXTURE_TITLE } from "../test-fixtures.ts";
import { renderHtml } from "./render-html.ts";

function modelWith(blocks: DocumentModel["blocks"]): DocumentModel {
  return { ...buildFixtureModel(), blocks };
}

describe("renderHtml", () => {
  const html = renderHtml(buildFixtureModel());

  it("is one Thai HTML5 page with the document's metadata", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<html lang="th">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<title>${FIXTURE_TITLE}</title>`);
    expect(html).toContain('<meta name="author" content="เทศบาลตำบลห้วยสัก">');
  });

  it("embeds Sarabun regular and bold, Thai and Latin, and needs nothing from the network", () => {
    const faces = html.match(/@font-face\{[^}]*\}/g) ?? [];
    expect(faces).toHaveLength(4);
    expect(faces.filter((face) => face.includes("font-weight:400"))).toHaveLength(2);
    expect(faces.filter((face) => face.includes("font-weight:700"))).toHaveLength(2);
    for (const face of faces) {
      expect(face).toContain('font-family:"Sarabun"');
      expect(face).toContain("url(data:font/woff2;base64,");
    }
    expect(html).toContain("U+0E01-0E5B");
    expect(html).not.toMatch(/src="https?:/);
    expect(html).not.toMatch(/url\(["']?https?:/);
  });

  it("sets A4 with the model's margins, 16 pt text and a Thai-digit page number", () => {
    expect(html).toContain("@page{size:A4 portrait;margin:25mm 20mm 20mm 30mm;");
    expect(html).toContain("font-size:16pt");
    expect(html).toContain('content:"- " counter(page, thai) " -"');
    expect(html).toContain("max-width:210mm");
  });

  it("lays out headings, indented paragraphs, the list and the signature", () => {
    expect(html).toContain(`<h1>${FIXTURE_TITLE}<br>`);
    expect(html).toContain("<h2>๑. ผลการประเมินภาพรวม</h2>");
    expect(html).toContain("<h3>๑.๑ ประเด็นที่ต้องพัฒนา</h3>");
    expect(html).toContain('<p class="indent align-justify">');
    expect(html).toContain("<strong>๗๘.๓๓</strong>");
    expect(html).toContain('<span class="marker">(๑)</span>');
    expect(html).toContain('<div class="signature"><p>(ลงชื่อ)');
    expect(html).toContain('<div class="page-break"');
  });

  it("prints table headers on every page and keeps rows whole", () => {
    expect(html).toContain('<thead><tr><th scope="col">มาตรการ</th>');
    expect(html).toContain("thead{display:table-header-group;}");
    expect(html).toContain("tr{break-inside:avoid;}");
    expect(html).toContain("<caption>ตารางที่ ๑ มาตรการและผู้รับผิดชอบ</caption>");
    for (const name of FIXTURE_MEASURE_NAMES) expect(html).toContain(`<p>${name}</p></td>`);
  });

  it("puts the chart inline in a captioned figure with an accessible name", () => {
    expect(html).toMatch(
      /<figure class="chart"><svg [^>]*role="img" aria-label="คะแนนรายตัวชี้วัด[^"]*">/,
    );
    expect(html).toContain("<figcaption>แผนภูมิที่ ๑ คะแนนรายตัวชี้วัด</figcaption></figure>");
  });

  it("escapes every text it is given", () => {
    const out = renderHtml(
      modelWith([
        { kind: "heading", level: 1, text: "<script>alert(1)</script>" },
        {
          kind: "paragraph",
          runs: [
            "ก <b>ข</b> & ค",
            { text: '"ง" > จ', bold: true, link: 'https://x.example/?a=1&b="2"' },
          ],
        },
        { kind: "signature", lines: ["<img src=x onerror=alert(1)>"] },
      ]),
    );
    expect(out).not.toContain("<script>alert");
    expect(out).not.toContain("<b>ข</b>");
    expect(out).not.toContain("<img src=x");
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).toContain("ก &lt;b&gt;ข&lt;/b&gt; &amp; ค");
    expect(out).toContain(
      '<a href="https://x.example/?a=1&amp;b=&quot;2&quot;"><strong>&quot;ง&quot; &gt; จ</strong></a>',
    );
  });

  it("does not turn script URLs into links", () => {
    const out = renderHtml(
      modelWith([{ kind: "paragraph", runs: [{ text: "คลิก", link: "javascript:alert(1)" }] }]),
    );
    expect(out).not.toContain("javascript:");
    expect(out).toContain("<p>คลิก</p>");
  });
});
