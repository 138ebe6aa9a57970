import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../../domain/errors.ts";
import type { DocumentModel, TableCell } from "../model.ts";
import { buildFixtureModel, FIXTURE_MEASURE_NAMES, FIXTURE_TITLE } from "../test-fixtures.ts";
import { pdfToText } from "../test-tools.ts";
import { createPdfRenderer, type PdfRenderer } from "./render-pdf.ts";

function longTableModel(rows: number): DocumentModel {
  const cell = (text: string): TableCell => ({ paragraphs: [[text]] });
  return {
    ...buildFixtureModel(),
    blocks: [
      {
        kind: "table",
        columns: [
          { header: "ลำดับ", width: 1, align: "center" },
          { header: "รายการตรวจสอบ", width: 6 },
        ],
        rows: Array.from({ length: rows }, (_, i) => [cell(`แถว ${i + 1}`), cell("ข้อมูลทดสอบ")]),
      },
    ],
  };
}

describe("createPdfRenderer", () => {
  let renderer: PdfRenderer;
  let pdf: Buffer;

  beforeAll(async () => {
    renderer = await createPdfRenderer();
    pdf = await renderer.render(buildFixtureModel());
  });

  afterAll(async () => {
    await renderer.close();
  });

  it("prints an A4 PDF", () => {
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 841\.\d+\]/);
  });

  it("keeps the Thai text readable: title, scores and every measure", async () => {
    const text = await pdfToText(pdf);
    expect(text).toContain(FIXTURE_TITLE);
    expect(text).toContain("๗๘.๓๓");
    expect(text).toContain("เงื่อนไขการเปรียบเทียบ: คะแนน <๘๕ & >๕๐");
    for (const name of FIXTURE_MEASURE_NAMES) expect(text).toContain(name);
    expect(text).toContain("นายกเทศมนตรีตำบลห้วยสัก");
  });

  it("draws list markers before their text, in reading order", async () => {
    const raw = await pdfToText(pdf, { raw: true });
    expect(raw).toContain("(๑) การเปิดเผยข้อมูลการใช้งบประมาณยังไม่ครบถ้วน");
    expect(raw.indexOf("(๒)")).toBeLessThan(raw.indexOf("(๓)"));
  });

  it("numbers pages in Thai digits and breaks where the model says", async () => {
    const pages = (await pdfToText(pdf)).split("\f").filter((page) => page.trim() !== "");
    expect(pages).toHaveLength(2);
    // pdftotext drops the narrow spaces of "- ๑ -".
    expect(pages[0]).toMatch(/-\s*๑\s*-\s*$/);
    expect(pages[1]).toMatch(/-\s*๒\s*-\s*$/);
    expect(pages[1]).toContain("๒. มาตรการส่งเสริมคุณธรรมและความโปร่งใส");
  });

  it("repeats a long table's header on every page", async () => {
    const text = await pdfToText(await renderer.render(longTableModel(60)));
    const pages = text.split("\f").filter((page) => page.trim() !== "");
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain("รายการตรวจสอบ");
    expect(text).toContain("แถว 1");
    expect(text).toContain("แถว 60");
  });

  it("renders several documents at once", async () => {
    const results = await Promise.all([1, 2, 3].map(() => renderer.render(buildFixtureModel())));
    for (const result of results) expect(result.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("closes once, however often it is asked, and then refuses to render", async () => {
    const other = await createPdfRenderer();
    await Promise.all([other.close(), other.close()]);
    await other.close();
    await expect(other.render(buildFixtureModel())).rejects.toBeInstanceOf(DomainError);
  });
});
