import type { IssueDetail } from "../errors.ts";
import { findOitItem } from "../framework/lookup.ts";
import type { Framework } from "../framework/schema.ts";
import { scoreFromIndicators } from "../scoring/overall.ts";

export type OitVerdict = "pass" | "fail";

/** A result as people give it: indicator scores by number, OIT verdicts, the official figures. */
export interface ResultInput {
  indicators: Record<string, number>;
  oit?: Record<string, OitVerdict> | undefined;
  official?: { overall: number; level?: string | undefined } | undefined;
}

/** The field a problem is about; callers turn it into their own path (a body path, a cell). */
export type ResultField =
  | { kind: "indicator"; number: number }
  | { kind: "oit"; id: string }
  | { kind: "official-overall" }
  | { kind: "official-level" };

export interface CheckedResult {
  /** Keyed by indicator number, in framework order. */
  indicators: Record<string, number>;
  /** Keyed by the framework's spelling of each item id. */
  oit: Record<string, OitVerdict> | null;
  officialOverall: number | null;
  officialLevel: string | null;
  /** Full precision; round only for display. */
  computedOverall: number;
  computedLevel: string;
  /** Official minus recomputed overall when they differ by more than rounding, else null. */
  discrepancy: number | null;
}

export type ResultCheck =
  | { ok: true; result: CheckedResult }
  | { ok: false; problems: IssueDetail[] };

// Published totals carry two decimals: anything within that rounding is agreement.
const ROUNDING = 0.01 + 1e-9;

/** Official minus recomputed, or null when they agree to the published two decimals. */
export function discrepancyOf(official: number | null, computed: number): number | null {
  if (official === null) return null;
  const difference = official - computed;
  return Math.abs(difference) > ROUNDING ? difference : null;
}

/** Checks a result against its framework (listing every problem) and recomputes overall and level. */
export function checkResult(
  framework: Framework,
  input: ResultInput,
  pathOf: (field: ResultField) => string,
): ResultCheck {
  const problems: IssueDetail[] = [];
  const add = (field: ResultField, th: string, en: string) =>
    problems.push({ path: pathOf(field), th, en });
  const scores = new Map<number, number>();
  for (const [key, value] of Object.entries(input.indicators)) {
    const number = Number(key);
    if (!framework.indicators.some((i) => i.number === number))
      add(
        { kind: "indicator", number },
        `กรอบการประเมิน ${framework.id} ไม่มีตัวชี้วัดที่ ${key}`,
        `framework ${framework.id} has no indicator ${key}`,
      );
    else if (!Number.isFinite(value) || value < 0 || value > 100)
      add(
        { kind: "indicator", number },
        `คะแนนตัวชี้วัดที่ ${key} ต้องอยู่ระหว่าง 0 ถึง 100 (ได้ ${value})`,
        `indicator ${key} must score between 0 and 100 (got ${value})`,
      );
    else scores.set(number, value);
  }
  for (const indicator of framework.indicators)
    if (!(String(indicator.number) in input.indicators))
      add(
        { kind: "indicator", number: indicator.number },
        `ขาดคะแนนตัวชี้วัดที่ ${indicator.number} (${indicator.name.th})`,
        `indicator ${indicator.number} (${indicator.name.en}) has no score`,
      );
  const oit = checkVerdicts(framework, input.oit, add);
  const official = input.official;
  if (
    official &&
    (!Number.isFinite(official.overall) || official.overall < 0 || official.overall > 100)
  )
    add(
      { kind: "official-overall" },
      `คะแนนรวมที่ประกาศต้องอยู่ระหว่าง 0 ถึง 100 (ได้ ${official.overall})`,
      `the official overall must be between 0 and 100 (got ${official.overall})`,
    );
  const level = official?.level?.trim();
  const knownLevel = level
    ? framework.levels.find((l) => l.id.toLowerCase() === level.toLowerCase())
    : undefined;
  if (level && !knownLevel) {
    const list = framework.levels.map((l) => l.id).join(", ");
    add(
      { kind: "official-level" },
      `ระดับ "${level}" ไม่มีในกรอบ ${framework.id} (มี: ${list})`,
      `level "${level}" is not one of ${framework.id}'s levels (${list})`,
    );
  }
  if (problems.length > 0) return { ok: false, problems };

  const score = scoreFromIndicators(framework, scores);
  const officialOverall = official?.overall ?? null;
  return {
    ok: true,
    result: {
      indicators: Object.fromEntries(
        framework.indicators.map((i) => [i.number, scores.get(i.number) ?? 0]),
      ),
      oit,
      officialOverall,
      officialLevel: knownLevel?.id ?? null,
      computedOverall: score.overall,
      computedLevel: score.level,
      discrepancy: discrepancyOf(officialOverall, score.overall),
    },
  };
}

function checkVerdicts(
  framework: Framework,
  verdicts: Record<string, OitVerdict> | undefined,
  add: (field: ResultField, th: string, en: string) => void,
): Record<string, OitVerdict> | null {
  if (!verdicts) return null;
  const known: Record<string, OitVerdict> = {};
  for (const [id, verdict] of Object.entries(verdicts)) {
    const item = findOitItem(framework, id);
    if (item && item.id in known)
      add({ kind: "oit", id }, `ข้อ OIT ${item.id} ถูกระบุซ้ำ`, `OIT item ${item.id} is given twice`);
    else if (item) known[item.id] = verdict;
    else
      add(
        { kind: "oit", id },
        `กรอบการประเมิน ${framework.id} ไม่มีข้อ OIT ${id}`,
        `framework ${framework.id} has no OIT item ${id}`,
      );
  }
  return known;
}
