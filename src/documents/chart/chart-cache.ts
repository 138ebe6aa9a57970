import type { IndicatorChart } from "../model.ts";
import {
  type ChartSize,
  DEFAULT_CHART_SIZE,
  renderIndicatorChartSvg,
} from "./render-indicator-chart.ts";

// A document is usually previewed as HTML, then printed to PDF from the same HTML: the chart is
// drawn once and reused. Output depends only on the input, so an entry never goes stale.

const MAX_ENTRIES = 32;
const entries = new Map<string, string>();

/** The chart's SVG, drawn once per distinct chart (least recently used entries drop first). */
export function cachedChartSvg(
  chart: IndicatorChart,
  size: ChartSize = DEFAULT_CHART_SIZE,
): string {
  const key = JSON.stringify([chart, size.width, size.height]);
  const found = entries.get(key);
  if (found !== undefined) {
    entries.delete(key);
    entries.set(key, found);
    return found;
  }
  const svg = renderIndicatorChartSvg(chart, size);
  entries.set(key, svg);
  if (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  return svg;
}
