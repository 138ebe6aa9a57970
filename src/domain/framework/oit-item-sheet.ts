import type { IssueDetail } from "../errors.ts";
import {
  elementsOf,
  evidenceYearOf,
  flagOf,
  itemIdPattern,
  itemIdsOf,
  provenanceStatusOf,
  subIndicatorPattern,
  topicPattern,
} from "./oit-item-values.ts";
import type { OitItemField, OitItemRow, OitItemsInput } from "./oit-items-input.ts";

// The spreadsheet form of an OIT item list: columns recognised by Thai or English header
// (docs/oit-items-format.md lists them), one row per item of the new list.

type Cell = string | number | null;

/** One row as a spreadsheet gives it, numbered as the program shows it (the header is row 1). */
export interface OitSheetRow {
  row: number;
  cells: readonly Cell[];
}

const aliases: Record<OitItemField, readonly string[]> = {
  subIndicator: ["ตัวชี้วัดย่อย", "รหัสตัวชี้วัดย่อย", "sub-indicator", "sub indicator", "subindicator"],
  subIndicatorName: ["ชื่อตัวชี้วัดย่อย", "ชื่อตัวชี้วัดย่อย ไทย", "sub-indicator name", "sub indicator name"],
  subIndicatorNameEn: [
    "ชื่อตัวชี้วัดย่อย อังกฤษ",
    "sub-indicator name en",
    "sub indicator name en",
    "sub-indicator name english",
  ],
  id: ["ข้อ", "รหัสข้อ", "item", "item id", "id"],
  title: ["ชื่อข้อ", "ชื่อข้อ ไทย", "title", "title th"],
  titleEn: ["ชื่อข้อ อังกฤษ", "title en", "english title"],
  elements: ["องค์ประกอบ", "องค์ประกอบที่ต้องมี", "รายละเอียด", "elements", "required elements"],
  year: ["ปีของข้อมูล", "ปีของหลักฐาน", "evidence year", "year"],
  topic: ["หัวข้อ", "รหัสหัวข้อ", "topic"],
  previous: ["ข้อเดิม", "ข้อปีก่อน", "รหัสข้อเดิม", "previous", "previous id", "previous item"],
  merge: ["รวมข้อ", "merge", "merged"],
  newTopic: ["เปลี่ยนหัวข้อ", "หัวข้อใหม่", "new topic", "topic changed"],
  provenance: ["ที่มา", "สถานะที่มา", "provenance"],
  provenanceNote: ["หมายเหตุที่มา", "provenance note"],
};

/** The header a column has when the file lacks it, for paths of optional columns. */
const thaiName: Record<OitItemField, string> = Object.fromEntries(
  Object.entries(aliases).map(([field, names]) => [field, names[0]]),
) as Record<OitItemField, string>;

const englishName: Record<OitItemField, string> = {
  subIndicator: "sub-indicator",
  subIndicatorName: "sub-indicator name",
  subIndicatorNameEn: "sub-indicator name (en)",
  id: "item",
  title: "title",
  titleEn: "title (en)",
  elements: "elements",
  year: "evidence year",
  topic: "topic",
  previous: "previous",
  merge: "merge",
  newTopic: "new topic",
  provenance: "provenance",
  provenanceNote: "provenance note",
};

const required: readonly OitItemField[] = [
  "subIndicator",
  "id",
  "title",
  "elements",
  "year",
  "topic",
  "previous",
];

/** Lower case; underscores, brackets and runs of spaces as one space: "Title (EN)" is "title en". */
function normalise(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[_()[\]]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export interface OitHeader {
  /** Column index → the field it holds. */
  columns: Map<number, OitItemField>;
  /** Field → the header as written, for paths people recognise. */
  names: Map<OitItemField, string>;
  problems: IssueDetail[];
}

/** Reads the header row: unknown, repeated and missing columns are each a problem. */
export function mapOitHeader(cells: readonly Cell[], row = 1): OitHeader {
  const header: OitHeader = { columns: new Map(), names: new Map(), problems: [] };
  cells.forEach((cell, index) => {
    const text = cell === null ? "" : String(cell).trim();
    if (text === "") return;
    const wanted = normalise(text);
    const field = (Object.keys(aliases) as OitItemField[]).find((f) =>
      aliases[f].some((name) => normalise(name) === wanted),
    );
    const path = `row ${row} / ${text}`;
    if (!field) {
      header.problems.push({
        path,
        th: `ไม่รู้จักคอลัมน์ "${text}" ให้ลบออกหรือแก้ชื่อตามรูปแบบไฟล์`,
        en: `unknown column "${text}": remove it or rename it as the file format says`,
      });
      return;
    }
    const earlier = header.names.get(field);
    if (earlier !== undefined) {
      header.problems.push({
        path,
        th: `คอลัมน์ "${text}" ซ้ำกับคอลัมน์ "${earlier}"`,
        en: `column "${text}" repeats column "${earlier}"`,
      });
      return;
    }
    header.columns.set(index, field);
    header.names.set(field, text);
  });
  for (const field of required)
    if (!header.names.has(field))
      header.problems.push({
        path: `row ${row}`,
        th: `ต้องมีคอลัมน์ ${thaiName[field]} (${englishName[field]})`,
        en: `a column ${englishName[field]} (${thaiName[field]}) is required`,
      });
  return header;
}

/** Every row of the sheet: the first non-empty row is the header, each later one an item or a drop. */
export function readOitItemSheet(rows: readonly OitSheetRow[]): OitItemsInput {
  const input: OitItemsInput = { items: [], dropped: [], problems: [] };
  let header: OitHeader | undefined;
  for (const { row, cells } of rows) {
    if (cells.every((cell) => cell === null || String(cell).trim() === "")) continue;
    if (!header) {
      header = mapOitHeader(cells, row);
      input.problems.push(...header.problems);
      if (header.problems.length > 0) return input;
      continue;
    }
    readRow(header, row, cells, input);
  }
  if (!header || (input.items.length === 0 && input.dropped.length === 0))
    input.problems.push({
      path: "file",
      th: "ไฟล์ไม่มีข้อมูล ต้องมีแถวหัวตารางและข้อ OIT อย่างน้อยหนึ่งแถว",
      en: "the file is empty: it needs a header row and at least one OIT item row",
    });
  return input;
}

function readRow(header: OitHeader, row: number, cells: readonly Cell[], input: OitItemsInput) {
  const at = `row ${row}`;
  const paths = Object.fromEntries(
    (Object.keys(aliases) as OitItemField[]).map((f) => [
      f,
      `${at} / ${header.names.get(f) ?? thaiName[f]}`,
    ]),
  ) as Record<OitItemField, string>;
  const text: Partial<Record<OitItemField, string>> = {};
  for (const [index, field] of header.columns) {
    const cell = cells[index] ?? null;
    const value = cell === null ? "" : String(cell).trim();
    if (value !== "") text[field] = value;
  }
  const problem = (field: OitItemField, th: string, en: string) =>
    input.problems.push({ path: paths[field], th, en });
  for (const value of Object.values(text))
    if (value.includes("\uFFFD")) {
      problem("id", "อักษรอ่านไม่ออก กรุณาบันทึกไฟล์ใหม่", "unreadable characters: save the file again");
      return;
    }
  const previous = itemIdsOf(text.previous ?? "");
  for (const id of previous)
    if (!itemIdPattern.test(id))
      problem("previous", `"${id}" ไม่ใช่รหัสข้อ เช่น O12`, `"${id}" is not an item id such as O12`);
  if (text.id === undefined && previous.length > 0) {
    // A row naming only last year's items drops them from the new list.
    const others = Object.keys(text).filter((f) => f !== "previous");
    if (others.length > 0)
      problem(
        "id",
        "แถวที่ไม่มีรหัสข้อหมายถึงยกเลิกข้อเดิม ให้เว้นช่องอื่นว่าง หรือใส่รหัสข้อใหม่",
        "a row without an item id drops its previous items: leave its other cells empty, or give the new item id",
      );
    for (const id of previous)
      if (itemIdPattern.test(id)) input.dropped.push({ path: paths.previous, id });
    return;
  }
  const need = (field: OitItemField): string => {
    const value = text[field];
    if (value === undefined)
      problem(field, `ต้องกรอก${thaiName[field]}`, `${englishName[field]} is required`);
    return value ?? "";
  };
  const subIndicator = need("subIndicator");
  if (subIndicator !== "" && !subIndicatorPattern.test(subIndicator))
    problem(
      "subIndicator",
      `"${subIndicator}" ไม่ใช่รหัสตัวชี้วัดย่อย เช่น 9.1`,
      `"${subIndicator}" is not a sub-indicator id such as 9.1`,
    );
  const id = need("id");
  if (id !== "" && !itemIdPattern.test(id))
    problem("id", `"${id}" ไม่ใช่รหัสข้อ เช่น O12`, `"${id}" is not an item id such as O12`);
  const title = need("title");
  const elements = elementsOf(need("elements"));
  const yearText = need("year");
  const year = yearText === "" ? null : evidenceYearOf(yearText);
  if (yearText !== "" && year === null)
    problem(
      "year",
      `ไม่รู้จัก "${yearText}" ให้ใช้ ปีที่ประเมิน ปีก่อน หรือ ปีใดก็ได้`,
      `unknown "${yearText}": use current, previous or any`,
    );
  const topic = need("topic");
  if (topic !== "" && !topicPattern.test(topic))
    problem(
      "topic",
      `"${topic}" ไม่ใช่รหัสหัวข้อ ให้ใช้อักษรอังกฤษตัวเล็ก ตัวเลข และ - เช่น complaint-guideline`,
      `"${topic}" is not a topic slug: lower-case letters, digits and -, e.g. complaint-guideline`,
    );
  const flag = (field: "merge" | "newTopic") => {
    const value = flagOf(text[field] ?? null);
    if (value === null)
      problem(
        field,
        `"${text[field]}" ต้องเป็น ใช่ หรือเว้นว่าง`,
        `"${text[field]}" must be yes or blank`,
      );
    return value ?? false;
  };
  const merge = flag("merge");
  const newTopic = flag("newTopic");
  const provenance = provenanceOf(text, problem);
  input.items.push({
    at,
    paths,
    subIndicator,
    subIndicatorName: {
      ...(text.subIndicatorName ? { th: text.subIndicatorName } : {}),
      ...(text.subIndicatorNameEn ? { en: text.subIndicatorNameEn } : {}),
    },
    id,
    title: { th: title, ...(text.titleEn ? { en: text.titleEn } : {}) },
    elements,
    year: year ?? "any",
    topic,
    // Ids already reported as malformed are not looked up again.
    previous: previous.filter((p) => itemIdPattern.test(p)),
    merge,
    newTopic,
    ...(provenance ? { provenance } : {}),
  });
}

function provenanceOf(
  text: Partial<Record<OitItemField, string>>,
  problem: (field: OitItemField, th: string, en: string) => void,
): OitItemRow["provenance"] {
  if (text.provenance === undefined && text.provenanceNote === undefined) return undefined;
  if (text.provenance === undefined || text.provenanceNote === undefined) {
    problem(
      text.provenance === undefined ? "provenance" : "provenanceNote",
      "ที่มาต้องมีทั้งสถานะและหมายเหตุ หรือเว้นว่างทั้งสองช่อง",
      "provenance needs both its status and its note, or neither",
    );
    return undefined;
  }
  const status = provenanceStatusOf(text.provenance);
  if (status === null) {
    problem(
      "provenance",
      `ไม่รู้จัก "${text.provenance}" ให้ใช้ ยืนยันแล้ว อนุมาน หรือ ไม่แน่ชัด`,
      `unknown "${text.provenance}": use confirmed, inferred or uncertain`,
    );
    return undefined;
  }
  return { status, note: text.provenanceNote };
}
