import { evidenceYearWords, provenanceWords } from "./oit-item-values.ts";
import type { Framework } from "./schema.ts";

type Cell = string | null;

export const oitSheetHeader = [
  "ตัวชี้วัดย่อย",
  "ชื่อตัวชี้วัดย่อย",
  "ชื่อตัวชี้วัดย่อย (อังกฤษ)",
  "ข้อ",
  "ชื่อข้อ",
  "ชื่อข้อ (อังกฤษ)",
  "องค์ประกอบ",
  "ปีของข้อมูล",
  "หัวข้อ",
  "ข้อเดิม",
  "รวมข้อ",
  "เปลี่ยนหัวข้อ",
  "ที่มา",
  "หมายเหตุที่มา",
] as const;

/**
 * A framework's OIT list as sheet rows in the import format (Thai headers, Thai words), each item
 * naming the previous item(s) `previousOf` gives: a template for next year's list.
 */
export function oitItemSheetRows(
  framework: Framework,
  previousOf: (id: string) => string[] = (id) => [id],
): Cell[][] {
  const rows: Cell[][] = [[...oitSheetHeader]];
  for (const sub of framework.oit)
    sub.items.forEach((item, index) => {
      const previous = previousOf(item.id);
      rows.push([
        sub.id,
        index === 0 ? sub.name.th : null,
        index === 0 ? sub.name.en : null,
        item.id,
        item.title.th,
        item.title.en,
        item.elements.join("\n"),
        evidenceYearWords[item.year][1] ?? item.year,
        item.topic,
        previous.join(", ") || null,
        previous.length > 1 ? "ใช่" : null,
        null,
        item.provenance ? (provenanceWords[item.provenance.status][1] ?? null) : null,
        item.provenance?.note ?? null,
      ]);
    });
  return rows;
}
