import { BarChart as EBarChart } from "echarts/charts";
import { GridSimpleComponent, MarkLineComponent } from "echarts/components";
import { type ECharts, init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef, useState } from "react";
import { type BarChartInput, buildBarChartOption } from "./bar-chart-option.ts";

// Only what these charts draw, rendered as SVG: ECharts stays out of every other page's bundle.
use([EBarChart, GridSimpleComponent, MarkLineComponent, SVGRenderer]);

const NARROW_BELOW = 560;

export interface BarChartProps extends Omit<BarChartInput, "narrow"> {
  /** What the chart shows, for screen readers; the table beside it holds the figures. */
  label: string;
  height: number;
}

/** A bar chart of the national view; the table after it always holds the same figures. */
export function BarChart({ label, height, ...input }: BarChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: "svg" });
    chart.current = instance;
    const observer = new ResizeObserver(() => {
      instance.resize();
      setWidth(element.clientWidth);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  const { categories, values, colours, horizontal, scores, format, line } = input;
  useEffect(() => {
    if (!chart.current || width === 0) return;
    chart.current.setOption(
      buildBarChartOption({
        categories,
        values,
        colours,
        horizontal,
        scores,
        format,
        line,
        narrow: width < NARROW_BELOW,
      }),
      true,
    );
  }, [categories, values, colours, horizontal, scores, format, line, width]);

  return (
    <figure className="national-chart">
      <div
        ref={container}
        className="national-chart-canvas"
        role="img"
        aria-label={label}
        style={{ height }}
      />
    </figure>
  );
}
