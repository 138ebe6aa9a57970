import type { LocalText } from "../framework/schema.ts";
import { formatScore } from "../thai/numerals.ts";

export interface ComparedFigures {
  officialOverall: number | null;
  officialLevel: string | null;
  computedOverall: number;
  computedLevel: string;
  discrepancy: number | null;
}

/** Why a result is flagged, in Thai and English; null when the official figures agree. */
export function explainDiscrepancy(figures: ComparedFigures): LocalText | null {
  const { officialOverall, officialLevel, computedLevel, discrepancy } = figures;
  const levelDiffers = officialLevel !== null && officialLevel !== computedLevel;
  if (officialOverall === null || (discrepancy === null && !levelDiffers)) return null;
  const score = (v: number) => formatScore(v, "arabic");
  const official = score(officialOverall);
  const computed = score(figures.computedOverall);
  const officialLevelText = officialLevel ? ` (ระดับ ${officialLevel})` : "";
  const officialLevelEn = officialLevel ? ` (level ${officialLevel})` : "";
  const gap = discrepancy === null ? null : `${discrepancy > 0 ? "+" : ""}${score(discrepancy)}`;
  const th = [
    `ผลที่ประกาศ ${official}${officialLevelText} ไม่ตรงกับผลที่คำนวณจากคะแนนตัวชี้วัด ${computed} (ระดับ ${computedLevel})`,
    gap ? ` ต่างกัน ${gap} คะแนน` : " ระดับไม่ตรงกัน",
    " ระบบเก็บไว้ทั้งสองค่า กรุณาตรวจคะแนนตัวชี้วัดกับเอกสารผลการประเมินฉบับทางการ",
  ].join("");
  const en = [
    `The official result ${official}${officialLevelEn} differs from ${computed} (level ${computedLevel}) recomputed from the indicator scores`,
    gap ? ` by ${gap} points.` : ": the levels differ.",
    " Both figures are kept; check the indicator scores against the official result.",
  ].join("");
  return { th, en };
}
