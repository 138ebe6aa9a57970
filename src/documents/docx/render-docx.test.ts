import { beforeAll, describe, expect, it } from "vitest";
import { buildFixtureModel, FIXTURE_MEASURE_NAMES, FIXTURE_TITLE } from "../test-fixtures.ts";
import { docxToText, listZipEntries, readZipEntry } from "../test-tools.ts";
import { renderDocx } from "./render-docx.ts";

describe("renderDocx", () => {
  let docx: Buffer;
  let documentXml: string;

  beforeAll(async () => {
    docx = await renderDocx(buildFixtureModel());
    documentXml = readZipEntry(docx, "word/document.xml").toString("utf8");
  });

  it("is a Word package", () => {
    expect(docx.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(listZipEntries(docx)).toEqual(
      expect.arrayContaining(["word/document.xml", "word/styles.xml", "docProps/core.xml"]),
    );
  });

  it("is A4 portrait with the model's margins", () => {
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(documentXml).toMatch(
      /<w:pgMar w:top="1417" w:right="1134" w:bottom="1134" w:left="1701"[^>]*\/>/,
    );
  });

  it("sets Sarabun 16 pt for Latin and Thai (complex script) text, tagged Thai", () => {
    const styles = readZipEntry(docx, "word/styles.xml").toString("utf8");
    const defaults = styles.slice(
      styles.indexOf("<w:docDefaults>"),
      styles.indexOf("</w:docDefaults>"),
    );
    expect(defaults).toContain('w:ascii="Sarabun"');
    expect(defaults).toContain('w:cs="Sarabun"');
    expect(defaults).toContain('<w:sz w:val="32"/>');
    expect(defaults).toContain('<w:szCs w:val="32"/>');
    expect(defaults).toContain('w:bidi="th-TH"');
    expect(documentXml).toContain('w:cs="Sarabun"');
    expect(documentXml).toContain('<w:lang w:val="th-TH" w:bidi="th-TH"/>');
  });

  it("uses real heading styles and bolds Thai runs as complex script too", () => {
    expect(documentXml).toContain('<w:pStyle w:val="Title"/>');
    expect(documentXml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(documentXml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(documentXml).toMatch(/<w:b\/><w:bCs\/>[\s\S]*?๗๘\.๓๓/);
  });

  it("repeats the table's header row, keeps rows whole and draws borders", () => {
    expect(documentXml).toMatch(/<w:trPr><w:cantSplit\/><w:tblHeader\/><\/w:trPr>/);
    expect(documentXml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(documentXml).toMatch(/<w:insideH w:val="single"/);
  });

  it("embeds the chart as SVG with a PNG fallback, and its alternative text", () => {
    const media = listZipEntries(docx).filter((name) => name.startsWith("word/media/"));
    expect(media.some((name) => name.endsWith(".svg"))).toBe(true);
    const png = media.find((name) => name.endsWith(".png"));
    expect(png).toBeDefined();
    expect(
      readZipEntry(docx, png ?? "")
        .subarray(1, 4)
        .toString("latin1"),
    ).toBe("PNG");
    expect(documentXml).toContain("asvg:svgBlip");
    expect(documentXml).toContain('title="คะแนนรายตัวชี้วัด');
  });

  it("records title, subject, author and keywords", () => {
    const core = readZipEntry(docx, "docProps/core.xml").toString("utf8");
    expect(core).toContain(`<dc:title>${FIXTURE_TITLE}</dc:title>`);
    expect(core).toContain("<dc:creator>เทศบาลตำบลห้วยสัก</dc:creator>");
    expect(core).toContain("<dc:subject>ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ๒๕๖๖</dc:subject>");
    expect(core).toContain("<cp:keywords>ITA, คุณธรรมและความโปร่งใส, มาตรการ</cp:keywords>");
  });

  it("starts the next section on a new page without an empty page", () => {
    expect(documentXml).toMatch(/<w:pageBreakBefore\/>[\s\S]{0,400}๒\. มาตรการส่งเสริม/);
    expect(documentXml).not.toContain('<w:br w:type="page"/>');
  });

  it("opens in LibreOffice with every text intact", async () => {
    const text = await docxToText(docx);
    expect(text).toContain(FIXTURE_TITLE);
    expect(text).toContain("๗๘.๓๓");
    expect(text).toContain("(๑)\tการเปิดเผยข้อมูลการใช้งบประมาณยังไม่ครบถ้วน");
    expect(text).toContain("เงื่อนไขการเปรียบเทียบ: คะแนน <๘๕ & >๕๐");
    for (const name of FIXTURE_MEASURE_NAMES) expect(text).toContain(name);
    expect(text).toContain("นายกเทศมนตรีตำบลห้วยสัก");
  });
});
