import type { DocumentText } from "../../documents/measures/document-text.ts";
import { makeFormat } from "../../documents/measures/format.ts";
import { describePlannerAction } from "../../documents/measures/section-plan.ts";
import type {
  Analysis,
  IndicatorAnalysis as DomainIndicator,
} from "../../domain/analysis/analyse-result.ts";
import type { PlannerAction as DomainAction } from "../../domain/analysis/plan-score.ts";
import type { Content } from "../../domain/content/schema.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import { ratingOf } from "../../domain/scoring/overall.ts";
import type { AnalysedResult, AnalysisResponse, PlannerAction } from "../../shared/analysis.ts";
import type { EarlierResult } from "./find-earlier-results.ts";
import { bandOf, type LoadAnalysisOptions, loadAnalysis } from "./load-analysis.ts";

export interface AnalyseAssessmentOptions extends LoadAnalysisOptions {
  content: Content;
  /** The document's wording, so planner actions read as the document prints them. */
  text: DocumentText;
}

/** The analysis of the result an assessment's measures answer, or why there is none yet. */
export async function analyseAssessment(
  options: AnalyseAssessmentOptions,
): Promise<AnalysisResponse> {
  const loaded = await loadAnalysis(options);
  const { assessment, analysed, analysis, framework } = loaded;
  const base = { assessmentId: assessment.id, fiscalYear: assessment.fiscalYear };
  if (!analysed || !analysis) return { ...base, result: null, reason: loaded.reason ?? null };
  const measuresFramework = options.frameworks.get(assessment.frameworkId);
  return {
    ...base,
    result: toAnalysedResult({ ...options, analysed, analysis, framework, measuresFramework }),
    reason: null,
  };
}

function toAnalysedResult(o: {
  analysed: EarlierResult;
  analysis: Analysis;
  framework: Framework;
  measuresFramework: Framework | undefined;
  content: Content;
  text: DocumentText;
}): AnalysedResult {
  const { analysed, analysis, framework } = o;
  const { result } = analysis;
  const numbers = (list: DomainIndicator[]) => list.map((i) => i.number);
  const label = labeller(framework, o.text);
  const prior = analysis.overallChange;
  const priorOverall = prior && analysis.trend.find((t) => t.fiscalYear === prior.fromYear);
  const laterRule = result.rating ? undefined : o.measuresFramework;
  const later = laterRule && ratingOf(laterRule, result.overall, result.tools);
  return {
    fiscalYear: analysed.fiscalYear,
    frameworkId: framework.id,
    source: analysed.result.source,
    overall: result.overall,
    level: result.level,
    rating: result.rating,
    ratingByLaterRule: later && laterRule ? { ...later, fiscalYear: laterRule.fiscalYear } : null,
    official:
      analysed.result.officialOverall === null
        ? null
        : { overall: analysed.result.officialOverall, level: analysed.result.officialLevel },
    tools: framework.tools.map((t) => ({ id: t.id, name: t.name, score: result.tools[t.id] ?? 0 })),
    previous:
      prior && priorOverall
        ? { fiscalYear: prior.fromYear, overall: priorOverall.overall, change: prior.delta }
        : null,
    trend: analysis.trend,
    thresholds: analysis.thresholds,
    indicators: analysis.indicators.map((i) => ({
      number: i.number,
      name: framework.indicators.find((d) => d.number === i.number)?.name ?? { th: i.name, en: "" },
      tool: i.tool,
      score: i.score,
      band: bandOf(i),
      previous: i.change
        ? { fiscalYear: i.change.fromYear, score: i.score - i.change.delta, change: i.change.delta }
        : null,
    })),
    strengths: numbers(analysis.strengths),
    middle: numbers(analysis.middle),
    weaknesses: numbers(analysis.weaknesses),
    urgent: numbers(analysis.urgent),
    gaps: analysis.gaps,
    suggestedMeasures: analysis.weaknesses.map(({ number }) => ({
      indicator: number,
      measures: o.content.measures
        .filter((m) => m.indicators.includes(number))
        .map(({ id, title, steps, responsible, monitoring, indicators }) => ({
          id,
          title,
          steps,
          responsible,
          monitoring,
          indicators,
        })),
    })),
    planner: {
      overall: analysis.plan.overall,
      actions: analysis.plan.ranked.map(label),
      targets: analysis.plan.plans.map((p) => ({ ...p, actions: p.actions.map(label) })),
    },
  };
}

/** Planner actions with the document's Thai label; scores written with Arabic digits for screens. */
function labeller(framework: Framework, text: DocumentText) {
  const f = makeFormat("arabic");
  return (action: DomainAction): PlannerAction => ({
    ...action,
    label: describePlannerAction(f, text.planner, framework, action),
  });
}
