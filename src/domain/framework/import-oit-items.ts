import { DomainError, type IssueDetail } from "../errors.ts";
import { invalidError } from "../validation.ts";
import { carriedOver } from "./carry-over.ts";
import { oitItems } from "./lookup.ts";
import type { OitItemRow, OitItemsInput } from "./oit-items-input.ts";
import { type OitItemsSummary, summariseOitItems } from "./oit-items-summary.ts";
import { parseFramework } from "./parse-framework.ts";
import type { Framework, OitItem, SubIndicator } from "./schema.ts";

export interface ImportOitItemsOptions {
  /** The new framework's id, e.g. `ita-2569`. */
  id: string;
  fiscalYear: number;
  /** Where the list came from (a file name), for the OIT provenance note. */
  source: string;
}

/** Last year's item ids, each to the new item it became or null when dropped. */
export interface OitItemMapping {
  from: string;
  items: Record<string, string | null>;
}

export interface ImportedOitItems {
  framework: Framework;
  mapping: OitItemMapping;
  summary: OitItemsSummary;
}

const subject = {
  th: "รายการข้อ OIT มีข้อผิดพลาด ไม่ได้สร้างกรอบการประเมินใหม่",
  en: "the OIT item list has problems; no framework was made",
};

/**
 * A new framework from `base` (last year's) with its OIT list replaced by `input`: every item of
 * the base mapped or dropped, topics kept along the mapping, all validated like a framework file.
 * Throws `INPUT_INVALID` listing every problem by row and column, in Thai and English.
 */
export function importOitItems(
  base: Framework,
  input: OitItemsInput,
  options: ImportOitItemsOptions,
): ImportedOitItems {
  const problems = [
    ...checkOptions(base, options),
    ...input.problems,
    ...checkMapping(base, input),
  ];
  if (problems.length > 0) throw invalidError("INPUT_INVALID", subject, problems);
  const { oit, origin } = buildOit(base, input.items);
  const mapping = mappingOf(base, input);
  // Spread over the base so the new file keeps the base's key order.
  const candidate = {
    ...base,
    ...carriedOver(base, options),
    oit,
    previous: { framework: base.id, oitItems: mapping.items },
  };
  let framework: Framework;
  try {
    framework = parseFramework(candidate, `${options.id}.json`);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw invalidError(
      "INPUT_INVALID",
      subject,
      error.details.map((d) => located(d, origin)),
    );
  }
  return { framework, mapping, summary: summariseOitItems(base, framework, mapping) };
}

function checkOptions(base: Framework, options: ImportOitItemsOptions): IssueDetail[] {
  const problems: IssueDetail[] = [];
  if (!/^[a-z]+-[0-9]{4}$/.test(options.id))
    problems.push({
      path: "id",
      th: `รหัสกรอบ "${options.id}" ต้องเป็นแบบ ita-2569`,
      en: `framework id "${options.id}" must look like ita-2569`,
    });
  else if (options.id === base.id)
    problems.push({
      path: "id",
      th: `กรอบใหม่ต้องมีรหัสต่างจาก ${base.id}`,
      en: `the new framework needs an id other than ${base.id}`,
    });
  if (
    !Number.isInteger(options.fiscalYear) ||
    options.fiscalYear < 2500 ||
    options.fiscalYear > 2700
  )
    problems.push({
      path: "fiscalYear",
      th: `ปีงบประมาณ "${options.fiscalYear}" ต้องเป็นปี พ.ศ. เช่น 2569`,
      en: `fiscal year "${options.fiscalYear}" must be a Buddhist-era year such as 2569`,
    });
  return problems;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The mapping rules: every problem, each at the row and column that causes it. */
function checkMapping(base: Framework, input: OitItemsInput): IssueDetail[] {
  const problems: IssueDetail[] = [];
  const add = (path: string, th: string, en: string) => problems.push({ path, th, en });
  const baseItems = oitItems(base);
  const baseItem = (id: string) => baseItems.find((item) => same(item.id, id));
  const claimedBy = new Map<string, string>();
  const claim = (id: string, path: string, what: string) => {
    const known = baseItem(id);
    if (!known) {
      add(path, `ไม่มีข้อ ${id} ใน ${base.id}`, `${base.id} has no item ${id}`);
      return;
    }
    const earlier = claimedBy.get(known.id);
    if (earlier)
      add(
        path,
        `ข้อ ${known.id} ของ ${base.id} ถูกอ้างแล้วที่ ${earlier} ข้อเดิมหนึ่งข้อไปได้ที่เดียว`,
        `${base.id} ${known.id} is already used at ${earlier}; an old item goes to one place only`,
      );
    else claimedBy.set(known.id, `${path} (${what})`);
  };
  const ids = new Map<string, string>();
  const topics = new Map<string, string>();
  for (const row of input.items) {
    if (row.id !== "") {
      const earlier = ids.get(row.id.toLowerCase());
      if (earlier)
        add(
          row.paths.id,
          `รหัสข้อ ${row.id} ซ้ำกับ ${earlier}`,
          `item id ${row.id} repeats ${earlier}`,
        );
      else ids.set(row.id.toLowerCase(), row.at);
    }
    if (row.topic !== "") {
      const earlier = topics.get(row.topic);
      if (earlier)
        add(
          row.paths.topic,
          `หัวข้อ ${row.topic} ซ้ำกับ ${earlier} หัวข้อต้องไม่ซ้ำกันภายในปีเดียวกัน`,
          `topic ${row.topic} repeats ${earlier}; topics must be unique within a year`,
        );
      else topics.set(row.topic, row.at);
    }
    for (const id of row.previous) claim(id, row.paths.previous, row.id || row.at);
    checkRowTopic(base, row, add);
  }
  checkSubIndicators(base, input.items, add);
  for (const dropped of input.dropped) claim(dropped.id, dropped.path, "dropped");
  for (const item of baseItems)
    if (!claimedBy.has(item.id))
      add(
        "previous",
        `ข้อ ${item.id} (${item.title.th}) ของ ${base.id} ยังไม่ได้จับคู่หรือยกเลิก ให้ใส่ ${item.id} ในช่องข้อเดิมของข้อใหม่ หรือเพิ่มแถวยกเลิก`,
        `${base.id} ${item.id} (${item.topic}) is neither mapped nor dropped: put ${item.id} in the previous column of its new item, or add a row dropping it`,
      );
  return problems;
}

/** Each sub-indicator has one name: given on its rows, or kept from the base list. */
function checkSubIndicators(
  base: Framework,
  rows: readonly OitItemRow[],
  add: (path: string, th: string, en: string) => void,
): void {
  const names = new Map<string, { th: string; at: string }>();
  for (const row of rows) {
    if (row.subIndicator === "") continue;
    const th = row.subIndicatorName.th;
    const earlier = names.get(row.subIndicator);
    if (th !== undefined && earlier && earlier.th !== th)
      add(
        row.paths.subIndicatorName,
        `ตัวชี้วัดย่อย ${row.subIndicator} มีชื่อต่างจากที่ ${earlier.at} ("${earlier.th}")`,
        `sub-indicator ${row.subIndicator} is named differently at ${earlier.at} ("${earlier.th}")`,
      );
    else if (th !== undefined && !earlier) names.set(row.subIndicator, { th, at: row.at });
  }
  const firsts = new Map<string, OitItemRow>();
  for (const row of rows) if (!firsts.has(row.subIndicator)) firsts.set(row.subIndicator, row);
  for (const [id, row] of firsts)
    if (id !== "" && !names.has(id) && !base.oit.some((s) => s.id === id))
      add(
        row.paths.subIndicatorName,
        `ตัวชี้วัดย่อย ${id} เป็นตัวชี้วัดย่อยใหม่ ต้องกรอกชื่อ`,
        `sub-indicator ${id} is new: give its name`,
      );
}

/** A mapped item keeps its topic unless marked; a new item may not take an old item's topic. */
function checkRowTopic(
  base: Framework,
  row: OitItemRow,
  add: (path: string, th: string, en: string) => void,
): void {
  if (row.previous.length > 1 && !row.merge)
    add(
      row.paths.previous,
      `ข้อ ${row.id} รวมข้อเดิม ${row.previous.join(", ")} ให้ทำเครื่องหมายในช่องรวมข้อหากตั้งใจรวม`,
      `${row.id} takes ${row.previous.join(", ")}: mark the merge column if merging them is intended`,
    );
  if (row.merge && row.previous.length < 2)
    add(
      row.paths.merge,
      "ทำเครื่องหมายรวมข้อ แต่ระบุข้อเดิมไม่ถึงสองข้อ",
      "marked as a merge but fewer than two previous items are named",
    );
  if (row.topic === "") return;
  const previous = oitItems(base).filter((item) => row.previous.some((id) => same(id, item.id)));
  const owner = oitItems(base).find((item) => item.topic === row.topic);
  if (owner && !previous.includes(owner))
    add(
      row.paths.topic,
      `หัวข้อ ${row.topic} เป็นของข้อ ${owner.id} ใน ${base.id} ให้ใส่ ${owner.id} ในช่องข้อเดิม หรือตั้งหัวข้อใหม่`,
      `topic ${row.topic} belongs to ${base.id} ${owner.id}: name ${owner.id} as previous, or choose a new topic`,
    );
  else if (previous.length > 0 && !owner && !row.newTopic)
    add(
      row.paths.topic,
      `ข้อ ${row.id} ต่อจากข้อ ${previous.map((p) => `${p.id} (${p.topic})`).join(", ")} แต่หัวข้อเปลี่ยนเป็น ${row.topic} ให้ทำเครื่องหมายในช่องเปลี่ยนหัวข้อหากตั้งใจ`,
      `${row.id} continues ${previous.map((p) => `${p.id} (${p.topic})`).join(", ")} under topic ${row.topic}: mark the new-topic column if the change is intended`,
    );
}

/** Sub-indicators in the order the list first names them; names carried over from the base when left out. */
function buildOit(
  base: Framework,
  rows: readonly OitItemRow[],
): { oit: SubIndicator[]; origin: Map<string, OitItemRow> } {
  const oit: SubIndicator[] = [];
  const origin = new Map<string, OitItemRow>();
  const baseItems = oitItems(base);
  for (const row of rows) {
    let sub = oit.find((s) => s.id === row.subIndicator);
    const si = sub ? oit.indexOf(sub) : oit.length;
    if (!sub) {
      const before = base.oit.find((s) => s.id === row.subIndicator);
      const named = rows.filter((r) => r.subIndicator === row.subIndicator);
      const th =
        named.find((r) => r.subIndicatorName.th)?.subIndicatorName.th ?? before?.name.th ?? "";
      const given = named.find((r) => r.subIndicatorName.en)?.subIndicatorName.en;
      // An English name left out is kept from last year when the Thai name did not change.
      const en = given ?? (before?.name.th === th ? before.name.en : th);
      sub = {
        id: row.subIndicator,
        indicator: Number(row.subIndicator.split(".")[0]),
        name: { th, en },
        items: [],
      };
      oit.push(sub);
      origin.set(`oit.${si}`, row);
    }
    const previous = baseItems.find((item) => row.previous.some((id) => same(id, item.id)));
    // An English title left out is kept from last year when the Thai title did not change.
    const en =
      row.title.en ?? (previous?.title.th === row.title.th ? previous.title.en : row.title.th);
    const item: OitItem = {
      id: row.id,
      topic: row.topic,
      title: { th: row.title.th, en },
      elements: row.elements,
      year: row.year,
      ...(row.provenance ? { provenance: row.provenance } : {}),
    };
    origin.set(`oit.${si}.items.${sub.items.length}`, row);
    sub.items.push(item);
  }
  return { oit, origin };
}

function mappingOf(base: Framework, input: OitItemsInput): OitItemMapping {
  const items: Record<string, string | null> = {};
  for (const item of oitItems(base)) {
    const row = input.items.find((r) => r.previous.some((id) => same(id, item.id)));
    items[item.id] = row ? row.id : null;
  }
  return { from: base.id, items };
}

type Field = keyof OitItemRow["paths"];

const itemFields: Record<string, Field> = {
  id: "id",
  topic: "topic",
  title: "title",
  elements: "elements",
  year: "year",
  provenance: "provenance",
};
const subFields: Record<string, Field> = { name: "subIndicatorName" };

/** A framework problem moved to the row and column of the list that caused it. */
function located(detail: IssueDetail, origin: Map<string, OitItemRow>): IssueDetail {
  const parts = detail.path.split(".");
  if (parts[0] !== "oit") return detail;
  const item = origin.get(parts.slice(0, 4).join("."));
  if (item && parts[2] === "items")
    return { ...detail, path: item.paths[itemFields[parts[4] ?? ""] ?? "id"] };
  const sub = origin.get(parts.slice(0, 2).join("."));
  if (!sub) return detail;
  return { ...detail, path: sub.paths[subFields[parts[2] ?? ""] ?? "subIndicator"] };
}
