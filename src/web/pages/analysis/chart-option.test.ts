import { describe, expect, it } from "vitest";
import type { IndicatorAnalysis } from "../../../shared/analysis.ts";
import { bandColours, previousColour } from "./bands.tsx";
import { buildChartOption, type ChartInput, chartHeight } from "./chart-option.ts";

const indicator = (
  number: number,
  score: number,
  band: IndicatorAnalysis["band"],
  previous: number | null = null,
): IndicatorAnalysis => ({
  number,
  name: { th: `ตัวชี้วัด ${number}`, en: `Indicator ${number}` },
  tool: "IIT",
  score,
  band,
  previous:
    previous === null ? null : { fiscalYear: 2564, score: previous, change: score - previous },
});

const text: ChartInput["text"] = {
  name: (i) => `${i.number}. ${i.name.th}`,
  band: (b) => ({ strength: "จุดแข็ง", middle: "กลาง", weakness: "จุดอ่อน", urgent: "เร่งด่วน" })[b],
  score: (v) => v.toFixed(2),
  points: (v) => String(v),
  thisYear: "ปี 2565",
  lastYear: "ปีก่อนหน้า",
  strength: (v) => `จุดแข็ง ${v}`,
  weakness: (v) => `จุดอ่อน ${v}`,
  urgent: (v) => `เร่งด่วน ${v}`,
};
const thresholds = { strength: 80, weakness: 70, urgent: 70 };

type Series = { name?: string; data?: unknown[]; markLine?: { data?: unknown[] } };
const seriesOf = (input: ChartInput) => buildChartOption(input).series as unknown as Series[];

describe("the indicator chart's option", () => {
  const indicators = [indicator(1, 93.7, "strength"), indicator(7, 69.7, "urgent")];

  it("draws this year's bars in their band's colour, with no last-year series when none", () => {
    const series = seriesOf({ indicators, thresholds, narrow: false, text });
    expect(series).toHaveLength(1);
    expect(series[0]?.data).toEqual([
      { value: 93.7, itemStyle: { color: bandColours.strength } },
      { value: 69.7, itemStyle: { color: bandColours.urgent } },
    ]);
    expect(chartHeight(indicators)).toBe(2 * 34 + 72);
  });

  it("puts last year's bars beside this year's, missing years left empty", () => {
    const both = [indicator(1, 93.7, "strength", 90), indicator(7, 69.7, "urgent")];
    const series = seriesOf({ indicators: both, thresholds, narrow: false, text });
    expect(series.map((s) => s.name)).toEqual(["ปีก่อนหน้า", "ปี 2565"]);
    expect(series[0]?.data).toEqual([90, "-"]);
    expect(
      JSON.stringify(buildChartOption({ indicators: both, thresholds, narrow: false, text })),
    ).toContain(previousColour);
    expect(chartHeight(both)).toBe(2 * 48 + 72);
  });

  it("marks the thresholds, one line when urgent equals weakness", () => {
    const lines = (t: typeof thresholds) =>
      seriesOf({ indicators, thresholds: t, narrow: false, text }).at(-1)?.markLine?.data;
    expect(lines(thresholds)).toHaveLength(2);
    expect(lines({ strength: 85, weakness: 85, urgent: 70 })).toHaveLength(3);
  });

  it("names indicators on a wide screen and numbers them on a narrow one", () => {
    const axis = (narrow: boolean) =>
      (buildChartOption({ indicators, thresholds, narrow, text }).yAxis as { data: string[] }).data;
    expect(axis(false)).toEqual(["1. ตัวชี้วัด 1", "7. ตัวชี้วัด 7"]);
    expect(axis(true)).toEqual(["1", "7"]);
  });
});
