import type { BarSeriesOption } from "echarts/charts";
import type { GridComponentOption, MarkLineComponentOption } from "echarts/components";
import type { ComposeOption } from "echarts/core";

// The national charts' ECharts option, built without ECharts so it can be tested on its own.

export type BarChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | MarkLineComponentOption
>;

export interface BarChartInput {
  categories: readonly string[];
  values: readonly (number | null)[];
  /** One colour per bar. */
  colours: readonly string[];
  /** Bars grow to the right, categories down the side (long names); else columns. */
  horizontal: boolean;
  /** The value axis runs 0–100 (scores); counts scale themselves. */
  scores: boolean;
  format: (value: number) => string;
  /** A dashed reference line on the value axis, such as the pass mark. */
  line?: { value: number; label: string } | undefined;
  narrow: boolean;
}

const INK = "#1a1f2b";
const FONT = "Sarabun, 'Noto Sans Thai', system-ui, sans-serif";

export function buildBarChartOption(input: BarChartInput): BarChartOption {
  const { categories, values, colours, horizontal, scores, format, line, narrow } = input;
  const valueAxis = {
    type: "value" as const,
    ...(scores ? { min: 0, max: 100 } : { minInterval: 1 }),
    axisLabel: { color: INK, fontSize: 12 },
    splitLine: { lineStyle: { color: "#d5d9e2" } },
  };
  const categoryAxis = {
    type: "category" as const,
    data: [...categories],
    inverse: horizontal,
    axisTick: { show: false },
    axisLine: { lineStyle: { color: INK } },
    axisLabel: {
      interval: 0,
      color: INK,
      fontSize: horizontal ? 13 : 11,
      ...(horizontal ? { width: narrow ? 28 : 200, overflow: "truncate" as const } : {}),
      rotate: horizontal || !narrow ? 0 : 60,
    },
  };
  const series: BarSeriesOption = {
    type: "bar",
    barCategoryGap: horizontal ? "30%" : "12%",
    data: values.map((value, i) => ({
      value: value ?? "-",
      itemStyle: { color: colours[i] ?? INK },
    })),
    label: {
      show: true,
      position: horizontal ? "right" : "top",
      color: INK,
      fontSize: 12,
      // An empty bin says nothing worth a label; a mean of zero still does.
      formatter: (params) =>
        typeof params.value === "number" && (scores || params.value > 0)
          ? format(params.value)
          : "",
    },
    ...(line
      ? {
          markLine: {
            silent: true,
            symbol: "none",
            animation: false,
            lineStyle: { type: "dashed", color: INK, width: 1.2 },
            data: [
              {
                [horizontal ? "xAxis" : "yAxis"]: line.value,
                label: { position: "end", color: INK, fontSize: 12, formatter: () => line.label },
              },
            ],
          },
        }
      : {}),
  };
  return {
    animation: false,
    textStyle: { fontFamily: FONT, color: INK },
    grid: horizontal
      ? { left: narrow ? 40 : 212, right: 64, top: 28, bottom: 32 }
      : { left: 48, right: 24, top: 32, bottom: narrow ? 64 : 40 },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: [series],
  };
}
