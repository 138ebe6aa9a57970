import { useEffect } from "react";
import { NARROW_CHART_BELOW, useSvgChart } from "../../components/use-svg-chart.ts";
import { type BarChartInput, buildBarChartOption } from "./bar-chart-option.ts";

export interface BarChartProps extends Omit<BarChartInput, "narrow"> {
  /** What the chart shows, for screen readers; the table beside it holds the figures. */
  label: string;
  height: number;
}

/** A bar chart of the national view; the table after it always holds the same figures. */
export function BarChart({ label, height, ...input }: BarChartProps) {
  const { ref, chart, width } = useSvgChart();
  const { categories, values, colours, horizontal, scores, format, line } = input;
  useEffect(() => {
    if (!chart || width === 0) return;
    chart.setOption(
      buildBarChartOption({
        categories,
        values,
        colours,
        horizontal,
        scores,
        format,
        line,
        narrow: width < NARROW_CHART_BELOW,
      }),
      true,
    );
  }, [chart, categories, values, colours, horizontal, scores, format, line, width]);

  return (
    <figure className="national-chart">
      <div
        ref={ref}
        className="national-chart-canvas"
        role="img"
        aria-label={label}
        style={{ height }}
      />
    </figure>
  );
}
