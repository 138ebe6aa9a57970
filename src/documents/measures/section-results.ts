import type { AgencyYear } from "../../domain/agency-year/parse-agency-year.ts";
import type { Analysis, IndicatorAnalysis } from "../../domain/analysis/analyse-result.ts";
import type { Content } from "../../domain/content/schema.ts";
import { findOitItem } from "../../domain/framework/lookup.ts";
import type { Rating } from "../../domain/scoring/overall.ts";
import type { Block, IndicatorChart, TableCell } from "../model.ts";
import type { DocumentText } from "./document-text.ts";
import type { Format } from "./format.ts";

export interface SectionContext {
  year: AgencyYear;
  analysis: Analysis;
  content: Content;
  text: DocumentText;
  f: Format;
  /** Agency-level values every template may use. */
  base: Record<string, string>;
  /** For years before the rating existed: the rating under the measures year's rule. */
  laterRating?: { rating: Rating; fiscalYear: number } | undefined;
}

const cell = (...lines: string[]): TableCell => ({ paragraphs: lines.map((l) => [l]) });

export function overallSection(ctx: SectionContext, n: number): Block[] {
  const { analysis, text, f, year } = ctx;
  const t = text.overall;
  const { result } = analysis;
  let summary = f.fill(t.summary, {
    ...ctx.base,
    score: f.score(result.overall),
    level: result.level,
  });
  if (result.rating) summary += f.fill(t.rating, { rating: result.rating.th });
  else if (ctx.laterRating)
    summary += f.fill(t.ratingByLaterRule, {
      rating: ctx.laterRating.rating.th,
      year: ctx.laterRating.fiscalYear,
    });
  const tools = year.framework.tools.map((tool) =>
    f.fill(t.toolItem, {
      name: tool.name.th,
      id: tool.id,
      score: f.score(result.tools[tool.id] ?? 0),
    }),
  );
  summary += f.fill(t.tools, { list: f.join(tools) });
  const [pass, ...higher] = analysis.gaps;
  const sentences = [summary];
  if (pass) {
    let gapText =
      pass.gap > 0
        ? f.fill(t.gapToPass, { target: f.int(pass.target), gap: f.score(pass.gap) })
        : f.fill(t.passed, { target: f.int(pass.target) });
    for (const g of higher)
      if (g.gap > 0)
        gapText += f.fill(t.gapToTarget, { target: f.int(g.target), gap: f.score(g.gap) });
    sentences.push(gapText);
  }
  let closing = "";
  if (analysis.overallChange) {
    const { delta, fromYear } = analysis.overallChange;
    const direction = Math.abs(delta) < 0.005 ? t.same : delta > 0 ? t.up : t.down;
    closing += f.fill(t.change, { fromYear, direction, delta: f.score(Math.abs(delta)) });
  }
  const mean = ctx.content.national.years[String(year.file.results.fiscalYear)]?.nationalMean;
  if (mean !== null && mean !== undefined)
    closing += f.fill(t.nationalMean, { mean: f.score(mean) });
  return [
    { kind: "heading", level: 1, text: f.fill(text.headings.overall, { ...ctx.base, n: n }) },
    {
      kind: "paragraph",
      runs: [`${sentences.join(" ")}${closing}`],
      indent: true,
    },
    { kind: "chart", chart: indicatorChart(ctx), caption: f.fill(t.chartCaption, ctx.base) },
    scoreTable(ctx),
  ];
}

function indicatorChart(ctx: SectionContext): IndicatorChart {
  const { analysis, year, f, text } = ctx;
  const prior = year.history
    .filter((h) => h.indicators && h.indicators.size > 0)
    .sort((a, b) => b.fiscalYear - a.fiscalYear)[0];
  const series: IndicatorChart["series"] = [];
  if (prior?.indicators) {
    const scores = prior.indicators;
    series.push({
      name: f.fill(text.overall.seriesName, { year: prior.fiscalYear }),
      values: analysis.indicators.map((i) => scores.get(i.number) ?? null),
    });
  }
  series.push({
    name: f.fill(text.overall.seriesName, { year: year.file.results.fiscalYear }),
    values: analysis.indicators.map((i) => i.score),
  });
  const passMark = year.framework.rating?.passMark ?? year.framework.analysis.targets[0] ?? 85;
  return {
    kind: "indicator-bars",
    title: text.overall.chartTitle,
    categories: analysis.indicators.map((i) => `${f.int(i.number)} ${i.name}`),
    series,
    marks: [{ value: passMark, label: f.fill(text.overall.passMark, { value: passMark }) }],
    digits: f.digits,
  };
}

function scoreTable(ctx: SectionContext): Block {
  const { analysis, text, f } = ctx;
  const t = text.scoreTable;
  const hasChange = analysis.indicators.some((i) => i.change);
  const verdict = (i: IndicatorAnalysis) => (i.urgent ? t.urgent : t[i.category]);
  return {
    kind: "table",
    columns: [
      { header: t.number, width: 1, align: "center" },
      { header: t.indicator, width: 4 },
      { header: t.tool, width: 1.2, align: "center" },
      { header: t.score, width: 1.3, align: "right" },
      ...(hasChange ? [{ header: t.change, width: 1.3, align: "right" as const }] : []),
      { header: t.result, width: 2 },
    ],
    rows: analysis.indicators.map((i) => [
      cell(f.int(i.number)),
      cell(i.name),
      cell(i.tool),
      cell(f.score(i.score)),
      ...(hasChange ? [cell(i.change ? f.signed(i.change.delta) : "–")] : []),
      cell(verdict(i)),
    ]),
  };
}

export function indicatorsSection(ctx: SectionContext, n: number): Block[] {
  const { analysis, text, f } = ctx;
  const t = text.indicators;
  const th = analysis.thresholds;
  const groups: { heading: string; items: IndicatorAnalysis[]; expects: boolean }[] = [
    {
      heading: f.fill(text.headings.strengths, {
        n: `${f.int(n)}.${f.int(1)}`,
        threshold: f.int(th.strength),
        count: analysis.strengths.length,
      }),
      items: analysis.strengths,
      expects: false,
    },
  ];
  if (th.weakness < th.strength)
    groups.push({
      heading: f.fill(text.headings.middle, {
        n: `${f.int(n)}.${f.int(groups.length + 1)}`,
        low: f.int(th.weakness),
        high: f.int(th.strength),
        count: analysis.middle.length,
      }),
      items: analysis.middle,
      expects: true,
    });
  groups.push({
    heading: f.fill(text.headings.weaknesses, {
      n: `${f.int(n)}.${f.int(groups.length + 1)}`,
      threshold: f.int(th.weakness),
      count: analysis.weaknesses.length,
    }),
    items: analysis.weaknesses,
    expects: true,
  });
  const texts = new Map(ctx.content.indicators.map((i) => [i.number, i]));
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: f.fill(text.headings.indicators, { n }) },
    { kind: "paragraph", runs: [f.fill(t.intro, ctx.base)], indent: true },
  ];
  for (const group of groups) {
    blocks.push({ kind: "heading", level: 2, text: group.heading });
    if (group.items.length === 0) {
      blocks.push({ kind: "paragraph", runs: [t.none], indent: true });
      continue;
    }
    blocks.push({
      kind: "list",
      items: group.items.map((i, k) => {
        const about = texts.get(i.number);
        let title = f.fill(t.item, { number: i.number, name: i.name, score: f.score(i.score) });
        if (i.urgent) title += f.fill(t.urgent, { threshold: f.int(th.urgent) });
        const runs = [{ text: title, bold: true }, ` ${about?.purpose ?? ""}`];
        if (group.expects && about) runs.push(` ${about.expects}`);
        if (i.weakQuestions.length > 0)
          runs.push(
            ` ${f.fill(t.weakQuestions, { list: i.weakQuestions.map((q) => `${q.id} (${f.score(q.score)})`).join(", ") })}`,
          );
        if (i.failedItems.length > 0)
          runs.push(` ${f.fill(t.failedItems, { list: i.failedItems.join(", ") })}`);
        return { marker: `(${f.int(k + 1)})`, runs };
      }),
    });
  }
  return blocks;
}

export function recommendationsSection(ctx: SectionContext, n: number): Block[] {
  const { analysis, text, f, year } = ctx;
  const t = text.recommendations;
  const passMark = year.framework.rating?.passMark ?? year.framework.analysis.targets[0] ?? 85;
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: f.fill(text.headings.recommendations, { n }) },
  ];
  const needing = [...analysis.weaknesses, ...analysis.middle];
  if (needing.length === 0) return [...blocks, { kind: "paragraph", runs: [t.none], indent: true }];
  blocks.push({
    kind: "paragraph",
    runs: [f.fill(t.intro, { passMark: f.int(passMark) })],
    indent: true,
  });
  for (const i of needing) {
    const recs = ctx.content.recommendations[String(i.number)] ?? [];
    blocks.push({
      kind: "paragraph",
      runs: [{ text: f.fill(t.forIndicator, { number: i.number, name: i.name }), bold: true }],
    });
    blocks.push({
      kind: "list",
      items: recs.map((r, k) => ({ marker: `${f.int(k + 1)}.`, runs: [r] })),
    });
  }
  const failed = analysis.indicators.flatMap((i) => i.failedItems);
  if (failed.length > 0) {
    blocks.push({ kind: "paragraph", runs: [{ text: t.forItems, bold: true }] });
    blocks.push({
      kind: "list",
      items: failed.map((id, k) => {
        const item = findOitItem(year.framework, id);
        const rec = item ? ctx.content.oitTopics[item.topic]?.recommendation : undefined;
        return {
          marker: `${f.int(k + 1)}.`,
          runs: [{ text: `${id} ${item?.title.th ?? ""}`, bold: true }, ` ${rec ?? ""}`],
        };
      }),
    });
  }
  return blocks;
}
