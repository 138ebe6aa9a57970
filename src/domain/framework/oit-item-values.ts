// Words a person may write in an OIT item list, in Thai or English, read into framework values.

export type EvidenceYear = "current" | "previous" | "any";
export type ProvenanceStatus = "confirmed" | "inferred" | "uncertain";

export const evidenceYearWords: Record<EvidenceYear, readonly string[]> = {
  current: ["current", "ปีปัจจุบัน", "ปีที่ประเมิน", "ปีงบประมาณปัจจุบัน", "ปีงบประมาณที่ประเมิน", "ปีนี้"],
  previous: ["previous", "ปีก่อน", "ปีก่อนหน้า", "ปีที่แล้ว", "ปีงบประมาณก่อนหน้า", "ปีงบประมาณที่แล้ว"],
  any: ["any", "ปีใดก็ได้", "ใดก็ได้", "ไม่จำกัดปี", "ไม่จำกัด"],
};

export const provenanceWords: Record<ProvenanceStatus, readonly string[]> = {
  confirmed: ["confirmed", "ยืนยันแล้ว", "ยืนยัน"],
  inferred: ["inferred", "อนุมาน"],
  uncertain: ["uncertain", "ไม่แน่ชัด", "ไม่แน่นอน"],
};

const yesWords = ["yes", "y", "true", "1", "x", "✓", "ใช่", "รวม", "เปลี่ยน"];
const noWords = ["no", "n", "false", "0", "ไม่", "ไม่ใช่"];

// Spaces inside Thai phrases vary between writers ("ปี ก่อน"), so words are compared without them.
const compact = (text: string) => text.trim().toLowerCase().replace(/\s+/g, "");

function wordOf<T extends string>(words: Record<T, readonly string[]>, text: string): T | null {
  const wanted = compact(text);
  for (const [value, list] of Object.entries(words) as [T, readonly string[]][])
    if (list.some((word) => compact(word) === wanted)) return value;
  return null;
}

/** `current`, `previous` or `any` from English or Thai words; null when not recognised. */
export function evidenceYearOf(text: string): EvidenceYear | null {
  return wordOf(evidenceYearWords, text);
}

export function provenanceStatusOf(text: string): ProvenanceStatus | null {
  return wordOf(provenanceWords, text);
}

/** A yes/no cell: blank is no; null when the text is neither. */
export function flagOf(text: string | null): boolean | null {
  if (text === null || text.trim() === "") return false;
  const word = compact(text);
  if (yesWords.includes(word)) return true;
  if (noWords.includes(word)) return false;
  return null;
}

// A bullet or number someone typed before an element ("• ", "- ", "1. ", "1) ") is not part of it.
const bullet = /^(?:[•·▪◦*-]|\(?\d{1,2}[.)])\s+/;

/** Required elements written one per line (or separated by `;` or `|`) as a list. */
export function elementsOf(text: string): string[] {
  return text
    .split(/\r?\n|;|\|/)
    .map((part) => part.trim().replace(bullet, "").trim())
    .filter((part) => part !== "");
}

/** Item ids written in one cell, separated by commas, spaces, `+` or new lines. */
export function itemIdsOf(text: string): string[] {
  return text
    .split(/[\s,+、]+/)
    .map((id) => id.trim())
    .filter((id) => id !== "");
}

export const itemIdPattern = /^[oO][0-9]+$/;
export const topicPattern = /^[a-z][a-z0-9-]*$/;
export const subIndicatorPattern = /^[0-9]+\.[0-9]+$/;
