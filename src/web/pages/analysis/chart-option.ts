import type { BarSeriesOption } from "echarts/charts";
import type { GridComponentOption, MarkLineComponentOption } from "echarts/components";
import type { ComposeOption } from "echarts/core";
import type { AnalysisBand, IndicatorAnalysis } from "../../../shared/analysis.ts";
import { bandColours, previousColour } from "./bands.tsx";

// The indicator chart's ECharts option, built without ECharts so it can be tested on its own.

export type ChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | MarkLineComponentOption
>;

export interface ChartInput {
  indicators: readonly IndicatorAnalysis[];
  thresholds: { strength: number; weakness: number; urgent: number };
  /** Below about 560 px the axis shows indicator numbers only; the table beside names them. */
  narrow: boolean;
  text: {
    name: (indicator: IndicatorAnalysis) => string;
    band: (band: AnalysisBand) => string;
    score: (value: number) => string;
    points: (value: number) => string;
    thisYear: string;
    lastYear: string;
    strength: (value: string) => string;
    weakness: (value: string) => string;
    urgent: (value: string) => string;
  };
}

const INK = "#1a1f2b";
const FONT = "Sarabun, 'Noto Sans Thai', system-ui, sans-serif";
const WIDE_AXIS = 212;
const NARROW_AXIS = 36;

export function hasPrevious(indicators: readonly IndicatorAnalysis[]): boolean {
  return indicators.some((i) => i.previous !== null);
}

/** Tall enough for every indicator's bars and their labels. */
export function chartHeight(indicators: readonly IndicatorAnalysis[]): number {
  return indicators.length * (hasPrevious(indicators) ? 48 : 34) + 72;
}

function thresholdLines({ thresholds, text, narrow }: ChartInput): MarkLineComponentOption {
  const lines = [
    { value: thresholds.strength, label: text.strength },
    { value: thresholds.weakness, label: text.weakness },
  ];
  // When urgent sits below the weakness line it gets its own line; equal, one line says both.
  if (thresholds.urgent < thresholds.weakness)
    lines.push({ value: thresholds.urgent, label: text.urgent });
  return {
    silent: true,
    symbol: "none",
    animation: false,
    lineStyle: { type: "dashed", color: INK, width: 1.2 },
    data: lines.map((line) => ({
      xAxis: line.value,
      label: {
        // On the inverted axis "start" is the top, clear of the value axis's numbers.
        position: "start",
        color: INK,
        fontSize: 13,
        // A function, not a string: ECharts would read "{a}" in a string as a template.
        // Narrow lines sit close together: the number alone, the legend below names them.
        formatter: () => (narrow ? text.points(line.value) : line.label(text.points(line.value))),
      },
    })),
  };
}

export function buildChartOption(input: ChartInput): ChartOption {
  const { indicators, narrow, text } = input;
  const withPrevious = hasPrevious(indicators);
  const label = { show: true, position: "right" as const, color: INK, fontSize: 13 };
  const current: BarSeriesOption = {
    type: "bar",
    name: text.thisYear,
    barGap: "10%",
    barCategoryGap: "28%",
    data: indicators.map((i) => ({ value: i.score, itemStyle: { color: bandColours[i.band] } })),
    label: {
      ...label,
      formatter: (params) => {
        const indicator = indicators[params.dataIndex];
        if (!indicator) return "";
        const score = text.score(indicator.score);
        return narrow ? score : `${score} ${text.band(indicator.band)}`;
      },
    },
    markLine: thresholdLines(input),
  };
  const previous: BarSeriesOption = {
    type: "bar",
    name: text.lastYear,
    data: indicators.map((i) => i.previous?.score ?? "-"),
    itemStyle: { color: previousColour },
    label: {
      ...label,
      formatter: (params) => (typeof params.value === "number" ? text.score(params.value) : ""),
    },
  };
  return {
    animation: false,
    textStyle: { fontFamily: FONT, color: INK },
    grid: {
      left: narrow ? NARROW_AXIS : WIDE_AXIS,
      right: narrow ? 56 : 150,
      top: 28,
      bottom: 44,
    },
    xAxis: {
      type: "value",
      min: 0,
      max: 100,
      interval: narrow ? 25 : 10,
      axisLabel: { color: INK, fontSize: 12 },
      splitLine: { lineStyle: { color: "#d5d9e2" } },
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: indicators.map((i) => (narrow ? String(i.number) : text.name(i))),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: INK } },
      axisLabel: {
        interval: 0,
        color: INK,
        fontSize: 13,
        width: (narrow ? NARROW_AXIS : WIDE_AXIS) - 12,
        overflow: "truncate",
      },
    },
    series: withPrevious ? [previous, current] : [current],
  };
}
