import { BarChart, type BarSeriesOption } from "echarts/charts";
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
} from "echarts/components";
import { type ComposeOption, init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { formatNumber as formatWithDigits } from "../../domain/thai/numerals.ts";
import type { DigitStyle, IndicatorChart } from "../model.ts";
import { escapeXml } from "../xml-escape.ts";
import { wrapLabel } from "./wrap-label.ts";

// Charts print numbers as the document does: same digits, half-up rounding, no grouping.
const formatNumber = (value: number, digits: DigitStyle, decimals: number) =>
  formatWithDigits(value, digits, { decimals, grouping: false });

use([BarChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

type ChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption
>;

export interface ChartSize {
  width: number;
  height: number;
}

/** Drawn at about the text width of an A4 page, so 14 px text prints near 9 pt. */
export const DEFAULT_CHART_SIZE: ChartSize = { width: 720, height: 420 };

export const CHART_FONT_FAMILY = "Sarabun, 'TH Sarabun New', Tahoma, sans-serif";

// Light to dark with black outlines, so years stay apart when printed in black and white.
const FILLS_BY_COUNT: Record<number, string[]> = {
  1: ["#4a7ab5"],
  2: ["#b9d3ee", "#1f4e8c"],
  3: ["#d4e4f5", "#6f9fd1", "#173d6e"],
  4: ["#e3eef9", "#9dc0e4", "#4a7ab5", "#102c50"],
};
const MANY_FILLS = ["#f0f5fb", "#c2d7ee", "#86aedb", "#4a7ab5", "#24528c", "#0b1f3a"];

const TEXT_COLOR = "#000000";
const FONT_SIZE = 14;
const CATEGORY_FONT_SIZE = 13;
const VALUE_FONT_SIZE = 12;
/** Average advance of a Sarabun character, in em, used to wrap category labels. */
const AVERAGE_ADVANCE_EM = 0.6;
const GRID_LEFT = 40;
const MARK_LABEL_ROOM = 70;
const FRACTION_DIGITS = 2;

/** A pass mark such as 85 prints without decimals; 85.5 keeps them. */
function formatMarkValue(value: number, digits: DigitStyle): string {
  return formatNumber(value, digits, Number.isInteger(value) ? 0 : FRACTION_DIGITS);
}

function seriesFills(count: number): string[] {
  return FILLS_BY_COUNT[count] ?? MANY_FILLS;
}

/** Thai summary of every value, so the chart's data is readable without seeing it. */
export function describeIndicatorChart(chart: IndicatorChart): string {
  const parts = chart.categories.map((category, index) => {
    const values = chart.series.map((series) => {
      const value = series.values[index];
      const text =
        value === null || value === undefined
          ? "ไม่มีข้อมูล"
          : formatNumber(value, chart.digits, FRACTION_DIGITS);
      return `${series.name} ${text}`;
    });
    return `${category}: ${values.join(", ")}`;
  });
  const marks = chart.marks.map(
    (mark) => `${mark.label} (${formatMarkValue(mark.value, chart.digits)})`,
  );
  return [...parts, ...marks].join("; ");
}

function buildOption(chart: IndicatorChart, size: ChartSize): ChartOption {
  const withLegend = chart.series.length > 1;
  const fills = seriesFills(chart.series.length);
  const gridRight = chart.marks.length > 0 ? MARK_LABEL_ROOM : 12;
  const groupWidth = (size.width - GRID_LEFT - gridRight) / Math.max(chart.categories.length, 1);
  const maxColumns = Math.max(
    4,
    Math.floor((groupWidth - 4) / (CATEGORY_FONT_SIZE * AVERAGE_ADVANCE_EM)),
  );
  const markColumns = Math.floor((MARK_LABEL_ROOM - 8) / (VALUE_FONT_SIZE * AVERAGE_ADVANCE_EM));
  const wrapped = chart.categories.map((category) => wrapLabel(category, maxColumns).join("\n"));
  const lineCount = Math.max(1, ...wrapped.map((label) => label.split("\n").length));
  const digits = chart.digits;
  const valueText = (value: number) => formatNumber(value, digits, FRACTION_DIGITS);

  const series: BarSeriesOption[] = chart.series.map((entry, index) => ({
    type: "bar",
    name: entry.name,
    data: entry.values.map((value) => value ?? "-"),
    barGap: "8%",
    barCategoryGap: "22%",
    silent: true,
    emphasis: { disabled: true },
    itemStyle: { color: fills[index % fills.length], borderColor: TEXT_COLOR, borderWidth: 0.8 },
    label: {
      show: true,
      position: "top",
      rotate: 90,
      align: "left",
      verticalAlign: "middle",
      distance: 4,
      fontSize: VALUE_FONT_SIZE,
      color: TEXT_COLOR,
      formatter: (params) => (typeof params.value === "number" ? valueText(params.value) : ""),
    },
    ...(index === 0 && chart.marks.length > 0
      ? {
          markLine: {
            silent: true,
            symbol: "none",
            animation: false,
            lineStyle: { type: "dashed", color: TEXT_COLOR, width: 1.2 },
            // Beside the plot, so the guide's label never covers a bar or its value.
            label: {
              position: "end",
              distance: 4,
              color: TEXT_COLOR,
              fontSize: VALUE_FONT_SIZE,
              lineHeight: VALUE_FONT_SIZE * 1.3,
            },
            data: chart.marks.map((mark) => ({
              yAxis: mark.value,
              label: {
                // A function, not a string: ECharts would read "{a}" in a string as a template.
                formatter: () =>
                  [...wrapLabel(mark.label, markColumns), formatMarkValue(mark.value, digits)].join(
                    "\n",
                  ),
              },
            })),
          },
        }
      : {}),
  }));

  return {
    animation: false,
    backgroundColor: "#ffffff",
    textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: FONT_SIZE, color: TEXT_COLOR },
    legend: {
      show: withLegend,
      top: 4,
      left: "center",
      itemWidth: 22,
      itemHeight: 13,
      selectedMode: false,
      textStyle: { fontSize: FONT_SIZE, color: TEXT_COLOR },
    },
    grid: {
      left: GRID_LEFT,
      right: gridRight,
      top: (withLegend ? 30 : 4) + 44,
      bottom: 14 + lineCount * CATEGORY_FONT_SIZE * 1.2,
      containLabel: false,
    },
    xAxis: {
      type: "category",
      data: wrapped,
      axisTick: { alignWithLabel: false },
      axisLine: { lineStyle: { color: TEXT_COLOR } },
      axisLabel: {
        interval: 0,
        color: TEXT_COLOR,
        fontSize: CATEGORY_FONT_SIZE,
        lineHeight: CATEGORY_FONT_SIZE * 1.2,
      },
    },
    yAxis: {
      type: "value",
      min: 0,
      max: 100,
      interval: 20,
      axisLine: { show: true, lineStyle: { color: TEXT_COLOR } },
      axisLabel: {
        color: TEXT_COLOR,
        fontSize: VALUE_FONT_SIZE,
        formatter: (value: number) => formatNumber(value, digits, 0),
      },
      splitLine: { lineStyle: { color: "#c8c8c8", width: 0.8 } },
    },
    series,
  };
}

// The renderer adds hover styles, instance-numbered classes and private attributes that differ
// between calls; a printed chart needs none of them, and removing them keeps the output stable.
function cleanSvg(svg: string): string {
  return svg
    .replace(/<style\s*>[\s\S]*?<\/style>\s*/g, "")
    .replace(/ class="zr\d+-cls-\d+"/g, "")
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, "")
    .replace(/ pointer-events="[^"]*"/g, "");
}

/** Renders the indicator chart as a standalone SVG (grouped bars, 0–100, guide lines). */
export function renderIndicatorChartSvg(
  chart: IndicatorChart,
  size: ChartSize = DEFAULT_CHART_SIZE,
): string {
  const instance = init(null, null, {
    renderer: "svg",
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    instance.setOption(buildOption(chart, size));
    const svg = cleanSvg(instance.renderToSVGString({ useViewBox: true }));
    const title = escapeXml(chart.title);
    const accessible = `<title>${title}</title><desc>${escapeXml(describeIndicatorChart(chart))}</desc>`;
    // A replacer function, so a "$" in the title is never read as a replacement pattern.
    return svg.replace(
      /<svg\b([^>]*)>/,
      (_match, attributes: string) =>
        `<svg${attributes} role="img" aria-label="${title}">${accessible}`,
    );
  } finally {
    // A live instance keeps a timer running, which would hold the process open.
    instance.dispose();
  }
}
