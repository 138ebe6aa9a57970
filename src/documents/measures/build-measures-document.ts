import type { AgencyYear } from "../../domain/agency-year/parse-agency-year.ts";
import type { Analysis } from "../../domain/analysis/analyse-result.ts";
import type { Content } from "../../domain/content/schema.ts";
import type { DigitStyle } from "../../domain/thai/numerals.ts";
import type { Block, DocumentModel } from "../model.ts";
import type { DocumentText } from "./document-text.ts";
import { makeFormat } from "./format.ts";
import { approvalBlocks, measuresSection, plannerSection } from "./section-plan.ts";
import {
  indicatorsSection,
  overallSection,
  recommendationsSection,
  type SectionContext,
} from "./section-results.ts";

export interface BuildMeasuresDocumentOptions {
  year: AgencyYear;
  analysis: Analysis;
  content: Content;
  text: DocumentText;
  digits: DigitStyle;
  laterRating?: SectionContext["laterRating"];
}

/** The analysis-and-measures document (OIT evidence) as one model for every renderer. */
export function buildMeasuresDocument(options: BuildMeasuresDocumentOptions): DocumentModel {
  const { year, analysis, content, text } = options;
  const f = makeFormat(options.digits);
  const agency = year.file.agency;
  const base = {
    agency: agency.name,
    district: agency.district,
    province: agency.province,
    fiscalYear: f.int(year.file.fiscalYear),
    assessedYear: f.int(year.file.results.fiscalYear),
  };
  const ctx: SectionContext = {
    year,
    analysis,
    content,
    text,
    f,
    base,
    laterRating: options.laterRating,
  };
  const sections = [
    rationaleSection,
    overallSection,
    indicatorsSection,
    recommendationsSection,
    plannerSection,
    measuresSection,
  ];
  const blocks: Block[] = [
    {
      kind: "title",
      lines: [
        f.fill(text.title.announcement, base),
        f.fill(text.title.subject, base),
        f.fill(text.title.place, base),
      ],
    },
    ...sections.flatMap((section, i) => section(ctx, i + 1)),
    ...approvalBlocks(ctx),
  ];
  const subject = f.fill(text.title.subject, base).replace(/^เรื่อง\s*/, "");
  return {
    meta: {
      title: `${subject} ${agency.name}`,
      subject,
      author: agency.name,
      keywords: ["ITA", "คุณธรรมและความโปร่งใส", agency.name, agency.province],
      language: "th",
    },
    page: { size: "A4", margins: { top: 25, right: 20, bottom: 20, left: 30 } },
    font: { family: "Sarabun", sizePt: 16 },
    blocks,
  };
}

function rationaleSection(ctx: SectionContext, n: number): Block[] {
  const { content, f, year } = ctx;
  const national = content.national;
  const target = national.masterPlan.target;
  const facts = national.years[String(year.file.results.fiscalYear)];
  const values: Record<string, string> = {
    ...ctx.base,
    passMark: f.int(target.passMark),
    share: f.int(target.shareOfAgencies),
  };
  if (facts?.agencies) values.agencies = f.count(facts.agencies);
  if (facts?.nationalMean) values.nationalMean = f.score(facts.nationalMean);
  const figures = national.rationaleWithFigures.filter((tpl) =>
    ["agencies", "nationalMean"].every((k) => !tpl.includes(`{${k}}`) || k in values),
  );
  const paragraphs = [...national.rationale, ...figures].map((tpl) => f.fill(tpl, values));
  return [
    { kind: "heading", level: 1, text: f.fill(ctx.text.headings.rationale, { n }) },
    ...paragraphs.map((p): Block => ({ kind: "paragraph", runs: [p], indent: true })),
  ];
}
