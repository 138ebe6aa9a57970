import { DomainError, type IssueDetail } from "../errors.ts";
import { indicatorsOfTool } from "../framework/lookup.ts";
import type { Framework } from "../framework/schema.ts";
import { roundHalfUp } from "../thai/numerals.ts";

export interface IndicatorScore {
  number: number;
  tool: string;
  score: number;
}

export interface Rating {
  id: string;
  th: string;
  en: string;
}

export interface ScoreResult {
  framework: string;
  /** Full precision; round only for display. */
  overall: number;
  level: string;
  /** Null for years before the rating was introduced. */
  rating: Rating | null;
  tools: Record<string, number>;
  indicators: IndicatorScore[];
}

/** Tool score = weighted mean of its indicators; overall = Σ tool weight × tool score. */
export function toolScores(
  framework: Framework,
  scores: Map<number, number>,
): Record<string, number> {
  const tools: Record<string, number> = {};
  for (const tool of framework.tools) {
    const members = indicatorsOfTool(framework, tool.id);
    const weightSum = members.reduce((s, i) => s + i.weight, 0);
    tools[tool.id] =
      members.reduce((s, i) => s + i.weight * (scores.get(i.number) ?? 0), 0) / weightSum;
  }
  return tools;
}

export function overallScore(framework: Framework, tools: Record<string, number>): number {
  return framework.tools.reduce((s, t) => s + t.weight * (tools[t.id] ?? 0), 0);
}

// Levels and ratings are read off the displayed (2-decimal) figures so they never contradict them.
export function levelOf(framework: Framework, overall: number): string {
  const shown = roundHalfUp(overall, 2);
  return (framework.levels.find((l) => shown >= l.min) ?? framework.levels.at(-1))?.id ?? "";
}

export function ratingOf(
  framework: Framework,
  overall: number,
  tools: Record<string, number>,
): Rating | null {
  if (!framework.rating) return null;
  const shown = roundHalfUp(overall, 2);
  const lowestTool = Math.min(...Object.values(tools).map((v) => roundHalfUp(v, 2)));
  const band = framework.rating.bands.find(
    (b) => shown >= b.minOverall && (b.minEachTool === undefined || lowestTool >= b.minEachTool),
  );
  return band ? { id: band.id, th: band.label.th, en: band.label.en } : null;
}

/** Scores from the ten (or however many the framework has) indicator scores. */
export function scoreFromIndicators(
  framework: Framework,
  scores: Map<number, number>,
): ScoreResult {
  const problems: IssueDetail[] = [];
  for (const ind of framework.indicators) {
    const v = scores.get(ind.number);
    if (v === undefined)
      problems.push({
        path: `indicators.${ind.number}`,
        th: `ไม่มีคะแนนตัวชี้วัดที่ ${ind.number} (${ind.name.th})`,
        en: `indicator ${ind.number} (${ind.name.en}) has no score`,
      });
    else if (!Number.isFinite(v) || v < 0 || v > 100)
      problems.push({
        path: `indicators.${ind.number}`,
        th: `คะแนนตัวชี้วัดที่ ${ind.number} ต้องอยู่ระหว่าง 0 ถึง 100 (ได้ ${v})`,
        en: `indicator ${ind.number} must score between 0 and 100 (got ${v})`,
      });
  }
  for (const n of scores.keys()) {
    if (!framework.indicators.some((i) => i.number === n))
      problems.push({
        path: `indicators.${n}`,
        th: `กรอบการประเมิน ${framework.id} ไม่มีตัวชี้วัดที่ ${n}`,
        en: `framework ${framework.id} has no indicator ${n}`,
      });
  }
  if (problems.length > 0)
    throw new DomainError(
      "ANSWERS_INVALID",
      `cannot score: ${problems.map((p) => p.en).join("; ")}`,
      {
        userMessage: "คำนวณคะแนนไม่ได้ กรุณาแก้ไขตามรายการ",
        details: problems,
      },
    );
  const tools = toolScores(framework, scores);
  const overall = overallScore(framework, tools);
  return {
    framework: framework.id,
    overall,
    level: levelOf(framework, overall),
    rating: ratingOf(framework, overall, tools),
    tools,
    indicators: framework.indicators.map((i) => ({
      number: i.number,
      tool: i.tool,
      score: scores.get(i.number) ?? 0,
    })),
  };
}
