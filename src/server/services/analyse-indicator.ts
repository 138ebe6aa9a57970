import type { Content } from "../../domain/content/schema.ts";
import { DomainError } from "../../domain/errors.ts";
import { questionsOfIndicator, subIndicatorsOfIndicator } from "../../domain/framework/lookup.ts";
import type { LocalText } from "../../domain/framework/schema.ts";
import type { IndicatorAnalysisResponse, OitItemDetail } from "../../shared/analysis.ts";
import { bandOf, type LoadAnalysisOptions, loadAnalysis } from "./load-analysis.ts";

export interface AnalyseIndicatorOptions extends LoadAnalysisOptions {
  content: Content;
  indicator: number;
}

/**
 * One indicator in detail: its purpose and recommendations, its questions or OIT items with
 * whatever per-question or per-item figures the stored result holds, and its score beside the
 * year before. Read in the analysed result's framework, whose numbering the measures use.
 */
export async function analyseIndicator(
  options: AnalyseIndicatorOptions,
): Promise<IndicatorAnalysisResponse> {
  const { content, indicator: number } = options;
  const { assessment, framework, analysed, analysis, reason } = await loadAnalysis(options);
  const definition = framework.indicators.find((i) => i.number === number);
  if (!definition)
    throw new DomainError("INPUT_NOT_FOUND", `${framework.id} has no indicator ${number}`, {
      userMessage: `กรอบการประเมิน ${framework.id} ไม่มีตัวชี้วัดที่ ${number}`,
      details: [
        {
          path: "params.indicatorId",
          th: `กรอบการประเมิน ${framework.id} มีตัวชี้วัดที่ ${framework.indicators.map((i) => i.number).join(", ")}`,
          en: `${framework.id} has indicators ${framework.indicators.map((i) => i.number).join(", ")}`,
        },
      ],
    });
  const tool = framework.tools.find((t) => t.id === definition.tool);
  const scored = analysis?.indicators.find((i) => i.number === number);
  const text = content.indicators.find((i) => i.number === number);
  const verdicts = new Map(
    Object.entries(analysed?.result.oit ?? {}).map(([id, v]) => [id.toLowerCase(), v]),
  );
  const items = subIndicatorsOfIndicator(framework, number).flatMap((sub) =>
    sub.items.map(
      (item): OitItemDetail => ({
        id: item.id,
        title: item.title,
        topic: item.topic,
        subIndicator: { id: sub.id, name: sub.name },
        elements: item.elements,
        evidenceYear: item.year,
        verdict: verdicts.get(item.id.toLowerCase()) ?? null,
        recommendation: content.oitTopics[item.topic]?.recommendation ?? null,
      }),
    ),
  );
  const questions = questionsOfIndicator(framework, number).map((q) => ({
    id: q.id,
    text: q.text,
    reverse: q.reverse,
    subItems: q.subItems.map(({ id, text }) => ({ id, text })),
    // Stored results hold indicator scores and OIT verdicts; per-question scores are not kept.
    score: null,
  }));
  const year = analysed?.fiscalYear;
  return {
    assessmentId: assessment.id,
    fiscalYear: assessment.fiscalYear,
    analysedFiscalYear: year ?? null,
    frameworkId: framework.id,
    indicator: {
      number,
      name: definition.name,
      tool: definition.tool,
      toolKind: tool?.kind ?? "survey",
    },
    purpose: text?.purpose ?? null,
    expects: text?.expects ?? null,
    recommendations: content.recommendations[String(number)] ?? [],
    score: scored?.score ?? null,
    band: scored ? bandOf(scored) : null,
    previous: scored?.change
      ? {
          fiscalYear: scored.change.fromYear,
          score: scored.score - scored.change.delta,
          change: scored.change.delta,
        }
      : null,
    questions,
    items,
    detailReason:
      year === undefined
        ? (reason ?? null)
        : detailReason(year, questions.length > 0, items, analysed?.result.oit !== null),
    reason: scored ? null : (reason ?? null),
  };
}

/** Why some questions or items have no figure; null when every one has. */
function detailReason(
  year: number,
  hasQuestions: boolean,
  items: OitItemDetail[],
  hasVerdicts: boolean,
): LocalText | null {
  if (hasQuestions)
    return {
      th: `ผลการประเมินปี ${year} ที่บันทึกไว้มีเฉพาะคะแนนรายตัวชี้วัด ระบบไม่ได้เก็บคะแนนรายข้อคำถาม`,
      en: `the stored ${year} result holds indicator scores only; per-question scores are not kept`,
    };
  if (items.length === 0) return null;
  if (!hasVerdicts)
    return {
      th: `ผลการประเมินปี ${year} ที่บันทึกไว้ไม่มีผลรายข้อ OIT ให้บันทึกผลรายข้อ (oit) พร้อมผลการประเมินปี ${year} เพื่อดูว่าข้อใดผ่านหรือไม่ผ่าน`,
      en: `the stored ${year} result has no per-item OIT verdicts: enter them (oit) with the ${year} result to see which items passed`,
    };
  const missing = items.filter((i) => i.verdict === null).map((i) => i.id);
  if (missing.length === 0) return null;
  return {
    th: `ผลการประเมินปี ${year} ที่บันทึกไว้ยังไม่มีผลของข้อ ${missing.join(", ")}`,
    en: `the stored ${year} result has no verdict for ${missing.join(", ")}`,
  };
}
