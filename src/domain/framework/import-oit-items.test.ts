import { describe, expect, it } from "vitest";
import { domainErrorOf } from "../test-factories.ts";
import { importOitItems } from "./import-oit-items.ts";
import { loadFrameworks } from "./load-frameworks.ts";
import { oitItems } from "./lookup.ts";
import { readOitItemSheet } from "./oit-item-sheet.ts";
import { oitItemSheetRows } from "./oit-item-sheet-rows.ts";
import { readOitItemsJson } from "./oit-items-input.ts";
import type { Framework } from "./schema.ts";

const frameworks = loadFrameworks();
const get = (id: string): Framework => {
  const framework = frameworks.get(id);
  if (!framework) throw new Error(`${id} is shipped`);
  return framework;
};
const base = get("ita-2567");
const options = { id: "ita-2569", fiscalYear: 2569, source: "oit-2569.xlsx" };

type Cell = string | number | null;

/** Sheet rows numbered as a spreadsheet shows them. */
const sheet = (rows: Cell[][]) => rows.map((cells, i) => ({ row: i + 1, cells }));

/** ita-2567's own list as a sheet, each item continuing itself; `edit` changes rows by item id. */
function listOf2567(edit: (rows: Cell[][]) => void = () => {}) {
  const rows: Cell[][] = oitItemSheetRows(base);
  edit(rows);
  return readOitItemSheet(sheet(rows));
}

const column = (name: string) => oitItemSheetRows(base)[0]?.indexOf(name) ?? -1;
const rowOf = (rows: Cell[][], id: string) => {
  const row = rows.find((r) => r[column("ข้อ")] === id);
  if (!row) throw new Error(`no row ${id}`);
  return row;
};

describe("importOitItems", () => {
  it("rebuilds last year's list exactly, with every item mapped to itself", () => {
    const { framework, mapping, summary } = importOitItems(base, listOf2567(), options);
    expect(framework.oit).toEqual(base.oit);
    expect(framework.id).toBe("ita-2569");
    expect(framework.fiscalYear).toBe(2569);
    expect(framework.name.th).toContain("2569");
    expect(framework.name.en).toContain("(2026)");
    expect(framework.questions).toEqual(base.questions);
    expect(framework.windows[0]?.start).toBe("2026-01-01");
    // 29 February 2024 has no day in 2026.
    expect(framework.windows.find((w) => w.id === "registration")?.end).toBe("2026-02-28");
    expect(Object.keys(mapping.items)).toHaveLength(43);
    expect(Object.entries(mapping.items).every(([from, to]) => from === to)).toBe(true);
    expect(framework.previous).toEqual({ framework: "ita-2567", oitItems: mapping.items });
    expect(summary).toMatchObject({ items: 43, added: [], dropped: [], renumbered: [], moved: [] });
  });

  it("maps renumbered, merged, moved, dropped and new items and lists them", () => {
    const input = listOf2567((rows) => {
      // O3 (mandate) merges into O1; O6 (laws) is dropped; O10 becomes O10 under a new topic.
      rowOf(rows, "O1")[column("ข้อเดิม")] = "O1, O3";
      rowOf(rows, "O1")[column("รวมข้อ")] = "ใช่";
      rows.splice(rows.indexOf(rowOf(rows, "O3")), 1);
      const laws = rowOf(rows, "O6");
      laws.fill(null);
      laws[column("ข้อเดิม")] = "O6";
      const pdpa = rowOf(rows, "O10");
      pdpa[column("หัวข้อ")] = "personal-data-protection";
      pdpa[column("เปลี่ยนหัวข้อ")] = "ใช่";
      // O43 moves to 10.1 as O44; a new O45 joins 10.2.
      const o43 = rowOf(rows, "O43");
      o43[column("ตัวชี้วัดย่อย")] = "10.1";
      o43[column("ข้อ")] = "O44";
      const added = [...o43];
      added[column("ตัวชี้วัดย่อย")] = "10.2";
      added[column("ข้อ")] = "O45";
      added[column("ชื่อข้อ")] = "การนำผลการประเมินไปพัฒนาองค์กร";
      added[column("ชื่อข้อ (อังกฤษ)")] = null;
      added[column("หัวข้อ")] = "ita-results-use";
      added[column("ข้อเดิม")] = null;
      rows.push(added);
    });
    const { framework, mapping, summary } = importOitItems(base, input, options);
    expect(mapping.items).toMatchObject({ O1: "O1", O3: "O1", O6: null, O10: "O10", O43: "O44" });
    expect(summary.merged).toEqual([{ from: ["O1", "O3"], to: "O1" }]);
    expect(summary.dropped).toEqual([{ id: "O6", topic: "laws" }]);
    expect(summary.added).toEqual([{ id: "O45", topic: "ita-results-use", subIndicator: "10.2" }]);
    expect(summary.renumbered).toEqual([
      { from: "O43", to: "O44", topic: "internal-measures-actions" },
    ]);
    expect(summary.moved).toEqual([
      { from: "O43", to: "O44", fromSubIndicator: "10.2", toSubIndicator: "10.1" },
    ]);
    expect(summary.newTopics).toEqual(["personal-data-protection", "ita-results-use"]);
    const o45 = oitItems(framework).find((item) => item.id === "O45");
    // No English title given for a new item: the Thai title stands in.
    expect(o45?.title).toEqual({
      th: "การนำผลการประเมินไปพัฒนาองค์กร",
      en: "การนำผลการประเมินไปพัฒนาองค์กร",
    });
  });

  it("lists every problem of the list by row and column, in Thai and English, and makes nothing", () => {
    const input = listOf2567((rows) => {
      rowOf(rows, "O2")[column("ข้อเดิม")] = "O2, O99"; // unknown old item, and a merge unmarked
      rowOf(rows, "O4")[column("ข้อเดิม")] = "O5"; // O5 twice, O4 unmapped, its topic taken
      rowOf(rows, "O7")[column("หัวข้อ")] = "press-releases"; // topic changed unmarked
      rowOf(rows, "O8")[column("ข้อ")] = "O9"; // duplicate id
      rowOf(rows, "O11")[column("ปีของข้อมูล")] = "ปีหน้า"; // unknown year word
      const o12 = rowOf(rows, "O12");
      o12[column("ข้อเดิม")] = null; // a new item taking an old item's topic
      o12[column("ตัวชี้วัดย่อย")] = "9.9"; // a new sub-indicator without a name
      rowOf(rows, "O13")[column("องค์ประกอบ")] = null; // no elements
    });
    const error = domainErrorOf(() => importOitItems(base, input, options));
    expect(error.code).toBe("INPUT_INVALID");
    const paths = error.details.map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "row 3 / ข้อเดิม",
        "row 5 / หัวข้อ",
        "row 6 / ข้อเดิม",
        "row 8 / หัวข้อ",
        "row 10 / ข้อ",
        "row 12 / ปีของข้อมูล",
        "row 13 / หัวข้อ",
        "row 13 / ชื่อตัวชี้วัดย่อย",
        "row 14 / องค์ประกอบ",
        "previous",
      ]),
    );
    const text = error.details.map((d) => `${d.path}: ${d.en} | ${d.th}`).join("\n");
    expect(text).toContain("ita-2567 has no item O99");
    expect(text).toContain("ita-2567 O5 is already used");
    expect(text).toContain("mark the merge column");
    expect(text).toContain("mark the new-topic column");
    expect(text).toContain("item id O9 repeats row 9");
    expect(text).toContain("topic operating-progress-6-months belongs to ita-2567 O12");
    expect(text).toContain("sub-indicator 9.9 is new");
    expect(text).toContain("ita-2567 O4 (strategic-plan) is neither mapped nor dropped");
    expect(text).toContain(
      "ita-2567 O12 (operating-progress-6-months) is neither mapped nor dropped",
    );
    expect(error.details.every((d) => d.th.length > 0 && d.en.length > 0)).toBe(true);
  });

  it("places the framework's own checks at the row that causes them", () => {
    const input = listOf2567((rows) => {
      const o43 = rowOf(rows, "O43");
      o43[column("ตัวชี้วัดย่อย")] = "7.1"; // indicator 7 is a survey indicator
      o43[column("ชื่อตัวชี้วัดย่อย")] = "มาตรการภายใน";
    });
    const error = domainErrorOf(() => importOitItems(base, input, options));
    expect(error.details).toEqual([
      expect.objectContaining({
        path: "row 44 / ตัวชี้วัดย่อย",
        en: "indicator 7 is not a checklist indicator",
      }),
    ]);
  });

  it("reports unknown, repeated and missing columns before any row", () => {
    const input = readOitItemSheet(
      sheet([
        ["Item", "ข้อ", "Title", "Colour"],
        ["O1", "O1", "x", "red"],
      ]),
    );
    const text = input.problems.map((d) => `${d.path}: ${d.en}`);
    expect(text).toEqual(
      expect.arrayContaining([
        'row 1 / ข้อ: column "ข้อ" repeats column "Item"',
        'row 1 / Colour: unknown column "Colour": remove it or rename it as the file format says',
      ]),
    );
    expect(text.filter((t) => t.startsWith("row 1:"))).toHaveLength(5);
    expect(input.items).toEqual([]);
  });

  it("reads English headers, English words and elements separated by semicolons", () => {
    const input = readOitItemSheet(
      sheet([
        [
          "Sub-indicator",
          "Item ID",
          "Title (TH)",
          "Elements",
          "Evidence year",
          "Topic",
          "Previous",
        ],
        ["9.1", "O1", "โครงสร้าง", "• แผนผัง; ตำแหน่ง", "Previous", "structure", "o1"],
      ]),
    );
    expect(input.problems).toEqual([]);
    expect(input.items[0]).toMatchObject({
      elements: ["แผนผัง", "ตำแหน่ง"],
      year: "previous",
      previous: ["o1"],
    });
  });

  it("reads the JSON form with the same rules, every bad item listed by its path", () => {
    const items = base.oit.flatMap((sub) =>
      sub.items.map((item) => ({
        subIndicator: sub.id,
        id: item.id,
        title: { th: item.title.th },
        elements: item.elements,
        year: item.year,
        topic: item.topic,
        previous: item.id,
        ...(item.provenance ? { provenance: item.provenance } : {}),
      })),
    );
    const { framework } = importOitItems(base, readOitItemsJson({ items }), options);
    expect(framework.oit).toEqual(base.oit);
    const broken = structuredClone(items);
    Object.assign(broken[0] ?? {}, { year: "next", colour: "red" });
    Object.assign(broken[1] ?? {}, { id: "2" });
    const input = readOitItemsJson({ items: broken, dropped: ["x"] });
    expect(input.problems.map((d) => d.path)).toEqual(
      expect.arrayContaining(["items.0.year", "items.0.colour", "items.1.id", "dropped.0"]),
    );
  });

  it("accepts the Thai words for the evidence year", () => {
    const input = listOf2567((rows) => {
      rowOf(rows, "O1")[column("ปีของข้อมูล")] = "ปีงบประมาณก่อนหน้า";
      rowOf(rows, "O2")[column("ปีของข้อมูล")] = "ปี ที่ประเมิน";
    });
    const { framework } = importOitItems(base, input, options);
    expect(
      oitItems(framework)
        .slice(0, 2)
        .map((item) => item.year),
    ).toEqual(["previous", "current"]);
  });
});
