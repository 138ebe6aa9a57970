import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPdfRenderer, type PdfRenderer } from "../documents/pdf/render-pdf.ts";
import { extractResource, kindOf } from "./extract.ts";
import { MAX_DOCX_CONTENT_BYTES } from "./extract-docx.ts";
import { extractHtml } from "./extract-html.ts";
import { fiscalYearsInText } from "./fiscal-year.ts";
import { normalizeLabel } from "./match-item.ts";
import { fixtureDocx, fixturePdf } from "./test-documents.ts";
import { assertZipWithin, ZipTooLarge } from "./zip-limit.ts";

let renderer: PdfRenderer;
beforeAll(async () => {
  renderer = await createPdfRenderer();
});
afterAll(() => renderer.close());

describe("extraction", () => {
  it("reads Thai text from a real PDF, including Thai digits", async () => {
    const pdf = await fixturePdf(renderer, "แผนการจัดซื้อจัดจ้าง", [
      "ประจำปีงบประมาณ พ.ศ. ๒๕๖๖",
      "เทศบาลตำบลห้วยสัก อำเภอเมืองเชียงราย",
    ]);
    const result = await extractResource(pdf, "application/pdf", "http://x/plan.pdf");
    expect(result.kind).toBe("pdf");
    expect(result.unreadable).toBeNull();
    // Tone marks and upper vowels come out of PDFs unreliably; matching compares skeletons.
    expect(normalizeLabel(result.text)).toContain(normalizeLabel("แผนการจัดซื้อจัดจ้าง"));
    expect(normalizeLabel(result.text)).toContain(normalizeLabel("เทศบาลตำบลห้วยสัก"));
    expect(fiscalYearsInText(result.text)).toEqual([2566]);
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.text.includes(String.fromCharCode(0))).toBe(false);
  });

  it("reads Thai text from a real DOCX", async () => {
    const docx = await fixtureDocx("รายงานผลการดำเนินงานประจำปี", ["ปีงบประมาณ 2565"]);
    const result = await extractResource(docx, null, "http://x/report.docx");
    expect(result.kind).toBe("docx");
    expect(result.text).toContain("รายงานผลการดำเนินงานประจำปี");
    expect(fiscalYearsInText(result.text)).toEqual([2565]);
  });

  it("refuses a DOCX that inflates past the limit without inflating it in the reader", async () => {
    const { zipSync } = await import("fflate");
    const bomb = Buffer.from(
      zipSync({ "word/document.xml": new Uint8Array(MAX_DOCX_CONTENT_BYTES + 1024) }, { level: 9 }),
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const result = await extractResource(bomb, null, "http://x/bomb.docx");
    expect(result.unreadable?.en).toContain("over");
    expect(() => assertZipWithin(bomb, MAX_DOCX_CONTENT_BYTES)).toThrow(ZipTooLarge);
    const small = await fixtureDocx("ก", ["ข"]);
    expect(() => assertZipWithin(small, MAX_DOCX_CONTENT_BYTES)).not.toThrow();
  });

  it("says why a damaged or empty file cannot be read", async () => {
    const damaged = await extractResource(
      Buffer.from("%PDF-1.7 broken"),
      "application/pdf",
      "http://x/a.pdf",
    );
    expect(damaged.unreadable?.th).toContain("PDF");
    const empty = await extractResource(Buffer.alloc(0), "application/pdf", "http://x/b.pdf");
    expect(empty.unreadable?.en).toBe("the file is empty");
    const notDocx = await extractResource(Buffer.from("hello"), null, "http://x/c.docx");
    expect(notDocx.unreadable?.th).toContain("DOCX");
  });

  it("reads a page's title, headings, links and text, skipping scripts", () => {
    const page = extractHtml(
      `<html><head><title>เทศบาล &amp; ประชาชน</title><script>var a="ไม่ใช่"</script></head>
       <body><nav><a href="/ita/o19.html#top">แผนการ<b>จัดซื้อ</b>จัดจ้าง</a>
       <a href="mailto:a@b">อีเมล</a><a href="files/plan.pdf"><img alt="แผนผัง"></a></nav>
       <h2>ข่าว  ประชาสัมพันธ์</h2><iframe src="/doc.pdf" title="เอกสาร"></iframe></body></html>`,
      "http://site.test/dir/page.html",
    );
    expect(page.title).toBe("เทศบาล & ประชาชน");
    expect(page.headings).toEqual(["ข่าว ประชาสัมพันธ์"]);
    expect(page.links).toEqual([
      { url: "http://site.test/ita/o19.html", text: "แผนการจัดซื้อจัดจ้าง" },
      { url: "http://site.test/dir/files/plan.pdf", text: "แผนผัง" },
      { url: "http://site.test/doc.pdf", text: "เอกสาร" },
    ]);
    expect(page.text).not.toContain("ไม่ใช่");
  });

  it("decodes a TIS-620 page", async () => {
    const tis = Buffer.from([0xa1, 0xe4, 0xbb]); // "กไป" in TIS-620
    const result = await extractResource(
      Buffer.concat([Buffer.from("<p>"), tis, Buffer.from("</p>")]),
      "text/html; charset=tis-620",
      "http://x/",
    );
    expect(result.text).toBe("กไป");
  });

  it("tells kinds by type, then by extension", () => {
    expect(kindOf("text/html; charset=utf-8", "http://x/a.pdf")).toBe("html");
    expect(kindOf("application/octet-stream", "http://x/a.PDF")).toBe("pdf");
    expect(kindOf(null, "http://x/news/")).toBe("html");
    expect(kindOf("image/png", "http://x/a.png")).toBe("other");
  });
});
