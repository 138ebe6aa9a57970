import type { PlannerAction } from "../../domain/analysis/plan-score.ts";
import type { Block, TableCell } from "../model.ts";
import type { SectionContext } from "./section-results.ts";

const cell = (...lines: string[]): TableCell => ({ paragraphs: lines.map((l) => [l]) });
/** The planner table shows the actions that matter most; the rest add little. */
const plannerRows = 10;

function describeAction(ctx: SectionContext, a: PlannerAction): string {
  const { f, text } = ctx;
  const t = text.planner;
  const name = ctx.year.framework.indicators.find((i) => i.number === a.indicator)?.name.th ?? "";
  if (a.kind === "publish-item") return f.fill(t.publishItem, { itemId: a.itemId, title: a.title });
  const values = { number: a.indicator, name, from: f.score(a.from), to: f.score(a.to) };
  return f.fill(a.kind === "publish-indicator" ? t.publishIndicator : t.raiseIndicator, values);
}

function shortLabel(ctx: SectionContext, a: PlannerAction): string {
  const { f, text } = ctx;
  if (a.kind === "publish-item") return f.fill(text.planner.shortPublishItem, { itemId: a.itemId });
  if (a.kind === "publish-indicator")
    return f.fill(text.planner.shortPublishIndicator, { number: a.indicator });
  return f.fill(text.planner.shortRaiseIndicator, { number: a.indicator, to: f.score(a.to) });
}

export function plannerSection(ctx: SectionContext, n: number): Block[] {
  const { analysis, f, text } = ctx;
  const t = text.planner;
  const rows = analysis.plan.ranked.slice(0, plannerRows);
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: f.fill(text.headings.planner, { n }) },
    { kind: "paragraph", runs: [t.intro], indent: true },
  ];
  if (rows.length > 0)
    blocks.push({
      kind: "table",
      columns: [
        { header: t.action, width: 6 },
        { header: t.indicator, width: 1.2, align: "center" },
        { header: t.gain, width: 1.8, align: "right" },
      ],
      rows: rows.map((a) => [
        cell(describeAction(ctx, a)),
        cell(f.int(a.indicator)),
        cell(f.fill(t.gainValue, { gain: f.score(a.gain) })),
      ]),
    });
  for (const plan of analysis.plan.plans) {
    const target = f.int(plan.target);
    const sentence =
      plan.gap === 0
        ? f.fill(t.already, { target })
        : plan.reachable
          ? f.fill(t.reached, {
              target,
              count: plan.actions.length,
              actions: f.join(plan.actions.map((a) => shortLabel(ctx, a))),
              after: f.score(plan.overallAfter),
              level: plan.levelAfter,
            })
          : f.fill(t.unreachable, { target, after: f.score(plan.overallAfter) });
    blocks.push({ kind: "paragraph", runs: [sentence], indent: true });
  }
  return blocks;
}

export function measuresSection(ctx: SectionContext, n: number): Block[] {
  const { f, text, year } = ctx;
  const t = text.measures;
  const website = year.file.agency.website;
  return [
    { kind: "heading", level: 1, text: f.fill(text.headings.measures, { ...ctx.base, n }) },
    { kind: "paragraph", runs: [f.fill(t.intro, ctx.base)], indent: true },
    {
      kind: "table",
      columns: [
        { header: t.measure, width: 3 },
        { header: t.steps, width: 4.5 },
        { header: t.responsible, width: 2 },
        { header: t.monitoring, width: 2 },
      ],
      rows: year.measures.map((m, k) => [
        {
          paragraphs: [
            [{ text: `(${f.int(k + 1)}) ${m.title}`, bold: true }],
            [f.fill(t.addresses, { list: m.indicators.map((i) => f.int(i)).join(", ") })],
            ...(m.oitItems.length > 0 ? [[m.oitItems.join(", ")]] : []),
          ],
        },
        cell(...m.steps.map((s, i) => `${f.int(i + 1)}. ${s}`)),
        cell(...m.responsible),
        cell(
          ...m.monitoring.map((e) =>
            f.fill(t.monitoringEntry, { activity: e.activity, date: f.date(e.date) }),
          ),
        ),
      ]),
    },
    {
      kind: "paragraph",
      runs: [`${t.publication} `, { text: website, link: website }],
      indent: true,
    },
  ];
}

export function approvalBlocks(ctx: SectionContext): Block[] {
  const { f, text, year } = ctx;
  const t = text.approval;
  const signatory = year.file.approval.signatory;
  const dateLine = year.approvalDate
    ? f.fill(t.date, { date: f.date(year.approvalDate, true) })
    : f.fill(t.blankDate, { year: year.file.fiscalYear });
  return [
    { kind: "paragraph", runs: [t.closing], indent: true },
    { kind: "paragraph", runs: [dateLine], align: "center" },
    {
      kind: "signature",
      lines: [
        t.signed,
        signatory.name ? f.fill(t.name, { name: signatory.name }) : t.blankName,
        signatory.position,
      ],
    },
  ];
}
