import { type AgencyYear, parseAgencyYear } from "../../domain/agency-year/parse-agency-year.ts";
import { type Analysis, analyseResult } from "../../domain/analysis/analyse-result.ts";
import type { Content } from "../../domain/content/schema.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import { ratingOf } from "../../domain/scoring/overall.ts";
import type { DigitStyle } from "../../domain/thai/numerals.ts";
import type { DocumentModel } from "../model.ts";
import { buildMeasuresDocument } from "./build-measures-document.ts";
import type { DocumentText } from "./document-text.ts";

export interface MeasuresDocumentDeps {
  frameworks: Map<string, Framework>;
  content: Content;
  text: DocumentText;
}

export interface PreparedMeasuresDocument {
  year: AgencyYear;
  analysis: Analysis;
  model: DocumentModel;
}

/** Input file data → validated year → analysis → document model; pure given its inputs. */
export function prepareMeasuresDocument(
  raw: unknown,
  deps: MeasuresDocumentDeps,
  digits: DigitStyle,
): PreparedMeasuresDocument {
  const year = parseAgencyYear(raw, deps.frameworks);
  const analysis = analyseResult({
    framework: year.framework,
    fiscalYear: year.file.results.fiscalYear,
    indicators: year.indicators,
    questions: year.questions,
    verdicts: year.verdicts,
    history: year.history,
    thresholds: year.file.thresholds,
  });
  const model = buildMeasuresDocument({
    ...deps,
    year,
    analysis,
    digits,
    laterRating: laterRating(deps.frameworks, year, analysis),
  });
  return { year, analysis, model };
}

/** Results from before the rating existed are also rated under the measures year's rule. */
function laterRating(frameworks: Map<string, Framework>, year: AgencyYear, analysis: Analysis) {
  if (analysis.result.rating) return undefined;
  const current = [...frameworks.values()].find(
    (f) => f.fiscalYear === year.file.fiscalYear && f.rating,
  );
  const rating = current && ratingOf(current, analysis.result.overall, analysis.result.tools);
  return rating && current ? { rating, fiscalYear: current.fiscalYear } : undefined;
}
