import type { IndicatorChart } from "../model.ts";
import { type ChartPng, DEFAULT_PNG_SCALE, renderChartPng } from "./render-chart-png.ts";
import {
  type ChartSize,
  DEFAULT_CHART_SIZE,
  renderIndicatorChartSvg,
} from "./render-indicator-chart.ts";

// A document is usually previewed, then downloaded as DOCX and PDF: the chart is drawn once
// and reused. Output depends only on the input, so a cached entry never goes stale.

const MAX_ENTRIES = 32;

interface Entry {
  svg: string;
  png?: Promise<ChartPng>;
}

const entries = new Map<string, Entry>();

function entryFor(chart: IndicatorChart, size: ChartSize): Entry {
  const key = JSON.stringify([chart, size.width, size.height]);
  const found = entries.get(key);
  if (found) {
    entries.delete(key);
    entries.set(key, found);
    return found;
  }
  const entry: Entry = { svg: renderIndicatorChartSvg(chart, size) };
  entries.set(key, entry);
  if (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  return entry;
}

/** The chart's SVG, drawn once per distinct chart. */
export function cachedChartSvg(chart: IndicatorChart, size = DEFAULT_CHART_SIZE): string {
  return entryFor(chart, size).svg;
}

/** The chart's SVG and its PNG rendering, each drawn once per distinct chart. */
export async function cachedChartImages(
  chart: IndicatorChart,
  size = DEFAULT_CHART_SIZE,
): Promise<{ svg: string; png: ChartPng }> {
  const entry = entryFor(chart, size);
  entry.png ??= renderChartPng(entry.svg, DEFAULT_PNG_SCALE);
  try {
    return { svg: entry.svg, png: await entry.png };
  } catch (error) {
    entry.png = undefined;
    throw error;
  }
}
