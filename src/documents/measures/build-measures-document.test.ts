import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { oitIndicatorScores } from "../../domain/scoring/oit-scores.ts";
import type { Block } from "../model.ts";
import { loadDocumentDeps } from "./load-document-deps.ts";
import { prepareMeasuresDocument } from "./prepare-measures-document.ts";

const deps = loadDocumentDeps();
const example = (): Record<string, unknown> & { results: Record<string, unknown> } =>
  parse(readFileSync(new URL("../../../examples/huai-sak-2566.yaml", import.meta.url), "utf8"));
const textOf = (blocks: Block[]) =>
  JSON.stringify(blocks)
    .replace(/\\n/g, " ")
    .replace(/"(kind|text|marker|bold|link|indent|align|level|header|width)":/g, "");

describe("the analysis-and-measures document model", () => {
  const { model, analysis } = prepareMeasuresDocument(example(), deps, "thai");
  const blocks = model.blocks;
  const headings = blocks.flatMap((b) => (b.kind === "heading" ? [b.text] : []));

  it("numbers its sections and names the agency and both fiscal years", () => {
    expect(headings.filter((h) => /^[๑-๙]\. /.test(h)).map((h) => h.slice(0, 2))).toEqual([
      "๑.",
      "๒.",
      "๓.",
      "๔.",
      "๕.",
      "๖.",
    ]);
    const title = blocks[0];
    expect(title?.kind === "title" && title.lines).toEqual([
      "ประกาศเทศบาลตำบลห้วยสัก",
      "เรื่อง มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๖",
      "อำเภอเมืองเชียงราย จังหวัดเชียงราย",
    ]);
    expect(headings).toContain("๒. ผลการประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๕");
    // FY2565 had letter levels only; the rating under the measures year's rule is given beside it.
    expect(textOf(blocks)).toContain(
      "๗๘.๓๓ คะแนน อยู่ในระดับ B ซึ่งตามเกณฑ์ที่ใช้ตั้งแต่ปีงบประมาณ พ.ศ. ๒๕๖๖ อยู่ในกลุ่มต้องปรับปรุง",
    );
  });

  it("groups the indicators by the municipality's own thresholds (80 / 70)", () => {
    expect(analysis.strengths.map((i) => i.number)).toEqual([4, 1, 2, 3, 5]);
    expect(analysis.middle.map((i) => i.number)).toEqual([10, 9, 6]);
    expect(analysis.weaknesses.map((i) => i.number)).toEqual([8, 7]);
    expect(headings).toContain("๓.๑ จุดแข็ง (ตัวชี้วัดที่ได้คะแนนตั้งแต่ร้อยละ ๘๐ ขึ้นไป) จำนวน ๕ ตัวชี้วัด");
    expect(headings).toContain("๓.๓ จุดอ่อนที่ต้องพัฒนา (ตัวชี้วัดที่ได้คะแนนต่ำกว่าร้อยละ ๗๐) จำนวน ๒ ตัวชี้วัด");
  });

  it("shows the ten indicators in a chart with the pass mark", () => {
    const chart = blocks.find((b) => b.kind === "chart");
    if (chart?.kind !== "chart") throw new Error("the document has a chart");
    expect(chart.chart.categories).toHaveLength(10);
    expect(chart.chart.categories[6]).toBe("๗ ประสิทธิภาพการสื่อสาร");
    expect(chart.chart.series).toEqual([
      {
        name: "ปีงบประมาณ พ.ศ. ๒๕๖๕",
        values: [93.7, 93.2, 93.1, 95.7, 84.8, 75, 69.7, 69.5, 74.8, 71.6],
      },
    ]);
    expect(chart.chart.marks).toEqual([{ value: 85, label: "เกณฑ์ผ่าน ๘๕" }]);
  });

  it("lays out the measures table as the official one, one row per measure", () => {
    const tables = blocks.filter((b) => b.kind === "table");
    const measures = tables.at(-1);
    if (measures?.kind !== "table") throw new Error("the document has a measures table");
    expect(measures.columns.map((c) => c.header)).toEqual([
      "มาตรการ",
      "ขั้นตอนหรือวิธีการ",
      "ผู้รับผิดชอบ",
      "การกำกับติดตาม",
    ]);
    expect(measures.rows).toHaveLength(4);
    expect(textOf(blocks)).toContain("รายงานความก้าวหน้าและสรุปผล ณ วันที่ ๓๑ มีนาคม ๒๕๖๖");
  });

  it("plans the fewest actions to the pass mark and leaves the signature to be signed", () => {
    const text = textOf(blocks);
    expect(text).toContain("เป้าหมาย ๘๕ คะแนน: ดำเนินการ ๒ ข้อ");
    expect(text).toContain("คะแนนรวมจะเพิ่มเป็น ๘๙.๐๕ คะแนน ระดับ A");
    const signature = blocks.at(-1);
    expect(signature?.kind === "signature" && signature.lines).toEqual([
      "(ลงชื่อ) ..............................................",
      "(..............................................)",
      "นายกเทศมนตรีตำบลห้วยสัก",
    ]);
    const strings = (v: unknown): string[] =>
      typeof v === "string"
        ? [v]
        : typeof v === "object" && v
          ? Object.values(v).flatMap(strings)
          : [];
    expect(strings(blocks).filter((t) => /[{}]/.test(t))).toEqual([]);
  });
});

describe("with earlier years and OIT verdicts", () => {
  const raw = example();
  raw.history = [
    {
      fiscalYear: 2564,
      overall: 70.5,
      indicators: { 1: 90, 2: 90, 3: 90, 4: 90, 5: 80, 6: 70, 7: 60, 8: 60, 9: 70, 10: 60 },
    },
  ];
  // Complete verdicts with two failed items; indicators 9 and 10 are what those verdicts give.
  const framework = deps.frameworks.get("ita-2565");
  if (!framework) throw new Error("ita-2565 is shipped");
  const verdicts = Object.fromEntries(
    framework.oit
      .flatMap((s) => s.items)
      .map((item) => [item.id, item.id === "o3" || item.id === "o36" ? "fail" : "pass"] as const),
  );
  raw.results.oit = verdicts;
  const indicators = raw.results.indicators as Record<string, number>;
  for (const [n, v] of oitIndicatorScores(framework, verdicts)) indicators[n] = v;
  const { model, analysis } = prepareMeasuresDocument(raw, deps, "thai");
  const text = textOf(model.blocks);

  it("compares with the previous year in the text, the table and the chart", () => {
    expect(text).toMatch(/เมื่อเทียบกับปีงบประมาณ พ.ศ. ๒๕๖๔ คะแนนรวมเพิ่มขึ้น [๐-๙.]+ คะแนน/);
    expect(text).toContain("+๓.๗๐");
    const chart = model.blocks.find((b) => b.kind === "chart");
    expect(chart?.kind === "chart" && chart.chart.series.map((s) => s.name)).toEqual([
      "ปีงบประมาณ พ.ศ. ๒๕๖๔",
      "ปีงบประมาณ พ.ศ. ๒๕๖๕",
    ]);
  });

  it("plans and recommends per failed OIT item", () => {
    expect(analysis.plan.ranked.some((a) => a.kind === "publish-item" && a.itemId === "o3")).toBe(
      true,
    );
    expect(text).toContain("ข้อมูลที่ต้องเผยแพร่เพิ่มเติม");
    expect(text).toMatch(/เผยแพร่ข้อ o\d+ /);
  });
});
