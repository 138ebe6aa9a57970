import type { SurveyRules } from "../../domain/framework/schema.ts";

// The Thai and English sentences of the integrity flags, with the numbers that raised them.

/** The median of the counts; 0 for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

type Integrity = SurveyRules["integrity"];
const two = (n: number) => n.toFixed(2);
const said = (th: string, en: string) => ({ explanation: { th, en } });

export const flagText = {
  burst: (day: string, peak: number, rules: Integrity) =>
    said(
      `วันที่ ${day} มีผู้ส่งคำตอบ ${peak} รายภายใน ${rules.burstWindowMinutes} นาที (เกณฑ์: เกิน ${rules.burstMinimum} ราย)`,
      `On ${day}, ${peak} responses arrived within ${rules.burstWindowMinutes} minutes (more than ${rules.burstMinimum} is flagged)`,
    ),
  busyDay: (day: string, responses: number, middle: number, busyDayFactor: number) =>
    said(
      `วันที่ ${day} มีคำตอบ ${responses} ราย มากกว่า ${busyDayFactor} เท่าของค่ามัธยฐานรายวัน (${middle} ราย)`,
      `${day} has ${responses} responses, more than ${busyDayFactor} times the median day (${middle})`,
    ),
  straightLine: (responses: number, respondents: number, minimumItems: number) =>
    said(
      `${responses} จาก ${respondents} คำตอบเลือกคำตอบเดียวกันทุกข้อ (อย่างน้อย ${minimumItems} ข้อ)`,
      `${responses} of ${respondents} responses gave the same answer to every item (at least ${minimumItems} items)`,
    ),
  duplicates: (groups: number, extra: number) =>
    said(
      `พบชุดคำตอบที่เหมือนกันทุกข้อในวันเดียวกัน ${groups} ชุด (คำตอบซ้ำเกิน ${extra} ราย)`,
      `${groups} identical answer sets were stored more than once on the same day (${extra} extra responses)`,
    ),
  overPopulation: (respondents: number, population: number) =>
    said(
      `จำนวนผู้ตอบ ${respondents} ราย มากกว่าจำนวนผู้มีส่วนได้ส่วนเสียที่แจ้งไว้ ${population} ราย`,
      `${respondents} respondents is more than the declared population of ${population}`,
    ),
  drift: (indicator: number, score: number, previous: number, year: number, rules: Integrity) =>
    said(
      `ตัวชี้วัดที่ ${indicator} ได้ ${two(score)} คะแนน ต่างจากปี ${year} (${two(previous)}) ตั้งแต่ ${rules.historyDriftPoints} คะแนนขึ้นไป`,
      `Indicator ${indicator} scores ${two(score)}, at least ${rules.historyDriftPoints} points from ${year} (${two(previous)})`,
    ),
};
