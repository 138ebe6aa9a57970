import {
  type Analysis,
  analyseResult,
  type IndicatorAnalysis,
} from "../../domain/analysis/analyse-result.ts";
import { DomainError } from "../../domain/errors.ts";
import { getFramework } from "../../domain/framework/load-frameworks.ts";
import { oitItems } from "../../domain/framework/lookup.ts";
import type { Framework, LocalText } from "../../domain/framework/schema.ts";
import type { OitVerdicts } from "../../domain/scoring/oit-scores.ts";
import type { AnalysisBand } from "../../shared/analysis.ts";
import type { Db } from "../db/database.ts";
import { type AssessmentRow, findAssessment } from "./find-assessment.ts";
import { type EarlierResult, findEarlierResults, noEarlierResult } from "./find-earlier-results.ts";

export interface LoadAnalysisOptions {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  agencyId: string;
  assessmentId: string;
}

export interface LoadedAnalysis {
  assessment: AssessmentRow;
  /** The framework the year is read in: the analysed result's, else the assessment's own (ADR 0010). */
  framework: Framework;
  /** The result the measures answer, when there is one. */
  analysed: EarlierResult | undefined;
  /** Undefined when there is nothing analysable; `reason` then says what to do. */
  analysis: Analysis | undefined;
  reason: LocalText | undefined;
}

const toMap = (record: Record<string, number>) =>
  new Map(Object.entries(record).map(([k, v]) => [Number(k), v]));

/**
 * The analysis the measures document prints, from the database: the latest earlier result
 * (ADR 0005) with the years before it as history and the assessment's own thresholds.
 */
export async function loadAnalysis(options: LoadAnalysisOptions): Promise<LoadedAnalysis> {
  const { db, frameworks, agencyId } = options;
  const assessment = await findAssessment(options);
  const [analysed, ...older] = await findEarlierResults({
    db,
    agencyId,
    fiscalYear: assessment.fiscalYear,
  });
  if (!analysed)
    return {
      assessment,
      framework: getFramework(assessment.frameworkId, frameworks),
      analysed,
      analysis: undefined,
      reason: noEarlierResult(assessment.fiscalYear),
    };
  const framework = getFramework(analysed.frameworkId, frameworks);
  try {
    const analysis = analyseResult({
      framework,
      fiscalYear: analysed.fiscalYear,
      indicators: toMap(analysed.result.indicators),
      verdicts: completeVerdicts(framework, analysed.result.oit),
      history: older.map(({ fiscalYear, result }) => ({
        fiscalYear,
        overall: result.officialOverall ?? result.computedOverall,
        level: result.officialLevel ?? result.computedLevel,
        indicators: toMap(result.indicators),
      })),
      thresholds: assessment.thresholds ?? undefined,
    });
    return { assessment, framework, analysed, analysis, reason: undefined };
  } catch (error) {
    // A stored result that cannot be scored (rows written before the checks existed) is reported, not thrown.
    if (!(error instanceof DomainError)) throw error;
    const year = analysed.fiscalYear;
    const problems = error.details.map((d) => d.en).join("; ") || error.message;
    const problemsTh = error.details.map((d) => d.th).join("; ") || error.userMessage;
    return {
      assessment,
      framework,
      analysed,
      analysis: undefined,
      reason: {
        th: `ผลการประเมินปี ${year} ที่บันทึกไว้ไม่ครบหรือไม่ถูกต้อง (${problemsTh}) ให้บันทึกหรือนำเข้าผลการประเมินของปี ${year} ใหม่ให้ครบ`,
        en: `the stored ${year} result cannot be analysed (${problems}): enter or import the ${year} result again, complete`,
      },
    };
  }
}

/** Item verdicts count only when they cover every OIT item, as the document requires. */
function completeVerdicts(
  framework: Framework,
  oit: Record<string, "pass" | "fail"> | null,
): OitVerdicts | undefined {
  if (!oit) return undefined;
  const byId = new Map(Object.entries(oit).map(([id, v]) => [id.toLowerCase(), v]));
  const verdicts: OitVerdicts = {};
  for (const item of oitItems(framework)) {
    const verdict = byId.get(item.id.toLowerCase());
    if (!verdict) return undefined;
    verdicts[item.id] = verdict;
  }
  return verdicts;
}

/** Strength, middle or weakness; a weakness below the urgent threshold is urgent. */
export function bandOf(indicator: IndicatorAnalysis): AnalysisBand {
  return indicator.urgent ? "urgent" : indicator.category;
}
