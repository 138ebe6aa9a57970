import { oitItems } from "./lookup.ts";
import type { Framework } from "./schema.ts";

/** What changed between last year's OIT list and the new one, for people to check before saving. */
export interface OitItemsSummary {
  base: string;
  framework: string;
  fiscalYear: number;
  items: number;
  /** Items with no previous item. */
  added: { id: string; topic: string; subIndicator: string }[];
  /** Items whose id changed (from → to), with whether the Thai title changed too. */
  renumbered: { from: string; to: string; topic: string }[];
  retitled: { from: string; to: string; before: string; after: string }[];
  /** Items whose new home is another sub-indicator. */
  moved: { from: string; to: string; fromSubIndicator: string; toSubIndicator: string }[];
  /** Several previous items merged into one. */
  merged: { from: string[]; to: string }[];
  dropped: { id: string; topic: string }[];
  /** Topics no item of the base list had. */
  newTopics: string[];
}

export function summariseOitItems(
  base: Framework,
  framework: Framework,
  mapping: { items: Record<string, string | null> },
): OitItemsSummary {
  const summary: OitItemsSummary = {
    base: base.id,
    framework: framework.id,
    fiscalYear: framework.fiscalYear,
    items: oitItems(framework).length,
    added: [],
    renumbered: [],
    retitled: [],
    moved: [],
    merged: [],
    dropped: [],
    newTopics: [],
  };
  const subOf = (f: Framework, id: string) =>
    f.oit.find((s) => s.items.some((item) => item.id === id))?.id ?? "";
  const baseTopics = new Set(oitItems(base).map((item) => item.topic));
  for (const sub of framework.oit)
    for (const item of sub.items) {
      const from = Object.keys(mapping.items).filter((old) => mapping.items[old] === item.id);
      if (from.length === 0)
        summary.added.push({ id: item.id, topic: item.topic, subIndicator: sub.id });
      if (from.length > 1) summary.merged.push({ from, to: item.id });
      if (!baseTopics.has(item.topic)) summary.newTopics.push(item.topic);
      for (const old of from) {
        const before = oitItems(base).find((x) => x.id === old);
        if (!before) continue;
        if (old !== item.id && from.length === 1)
          summary.renumbered.push({ from: old, to: item.id, topic: item.topic });
        if (before.title.th !== item.title.th && (from.length === 1 || before.topic === item.topic))
          summary.retitled.push({
            from: old,
            to: item.id,
            before: before.title.th,
            after: item.title.th,
          });
        const fromSub = subOf(base, old);
        if (fromSub !== sub.id)
          summary.moved.push({
            from: old,
            to: item.id,
            fromSubIndicator: fromSub,
            toSubIndicator: sub.id,
          });
      }
    }
  for (const [old, to] of Object.entries(mapping.items))
    if (to === null)
      summary.dropped.push({
        id: old,
        topic: oitItems(base).find((x) => x.id === old)?.topic ?? "",
      });
  return summary;
}

/** The summary as Thai and English lines, for the command line. */
export function describeOitItemsSummary(summary: OitItemsSummary): string[] {
  const lines = [
    `กรอบ ${summary.framework} ปีงบประมาณ ${summary.fiscalYear} จาก ${summary.base}: ${summary.items} ข้อ / ${summary.items} items`,
    `  เพิ่มใหม่ / added: ${summary.added.length}${list(summary.added.map((a) => `${a.id} (${a.topic})`))}`,
    `  เปลี่ยนรหัส / renumbered: ${summary.renumbered.length}${list(summary.renumbered.map((r) => `${r.from}→${r.to}`))}`,
    `  เปลี่ยนชื่อ / retitled: ${summary.retitled.length}${list(summary.retitled.map((r) => `${r.from}→${r.to}`))}`,
    `  ย้ายตัวชี้วัดย่อย / moved between sub-indicators: ${summary.moved.length}${list(summary.moved.map((m) => `${m.from} ${m.fromSubIndicator}→${m.to} ${m.toSubIndicator}`))}`,
    `  รวมข้อ / merged: ${summary.merged.length}${list(summary.merged.map((m) => `${m.from.join("+")}→${m.to}`))}`,
    `  ยกเลิก / dropped: ${summary.dropped.length}${list(summary.dropped.map((d) => `${d.id} (${d.topic})`))}`,
    `  หัวข้อใหม่ / new topics: ${summary.newTopics.length}${list(summary.newTopics)}`,
  ];
  return lines;
}

const list = (items: string[]) => (items.length > 0 ? `  ${items.join(", ")}` : "");
