import { beforeAll, describe, expect, it } from "vitest";
import {
  buildFixtureChart,
  buildFixtureModel,
  FIXTURE_MEASURE_NAMES,
  FIXTURE_TITLE,
} from "../test-fixtures.ts";
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
    // Runs inherit the defaults rather than repeating them.
    expect(documentXml).not.toContain('w:cs="Sarabun"');
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

  it("embeds the chart as a native Word chart with its data, digits and alternative text", () => {
    expect(listZipEntries(docx)).toContain("word/charts/chart1.xml");
    const chart = readZipEntry(docx, "word/charts/chart1.xml").toString("utf8");
    const fixture = buildFixtureChart();
    for (const category of fixture.categories) expect(chart).toContain(category);
    for (const series of fixture.series) expect(chart).toContain(`<c:v>${series.name}</c:v>`);
    expect(chart).toContain("<c:barChart>");
    expect(chart).toContain('formatCode="[$-D00041E]0.00"');
    const rels = readZipEntry(docx, "word/_rels/document.xml.rels").toString("utf8");
    const id = /Id="([^"]+)" Type="[^"]+\/chart" Target="charts\/chart1.xml"/.exec(rels)?.[1];
    expect(id).toBeDefined();
    expect(documentXml).toContain(`r:id="${id}"`);
    expect(readZipEntry(docx, "[Content_Types].xml").toString("utf8")).toContain(
      'PartName="/word/charts/chart1.xml"',
    );
    expect(documentXml).toMatch(/<wp:docPr id="\d+" name="คะแนนรายตัวชี้วัด[^"]*" descr="[^"]+"/);
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
