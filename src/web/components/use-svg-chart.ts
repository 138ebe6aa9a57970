import { BarChart } from "echarts/charts";
import { GridSimpleComponent, MarkLineComponent } from "echarts/components";
import { type ECharts, init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useCallback, useState } from "react";

// Only what the app's charts draw, rendered as SVG: ECharts stays out of every other page's bundle.
use([BarChart, GridSimpleComponent, MarkLineComponent, SVGRenderer]);

/** Below this width a chart lays itself out for a phone. */
export const NARROW_CHART_BELOW = 560;

/**
 * An ECharts instance drawn as SVG into the element given to `ref`, with the element's width,
 * kept as the element resizes; the chart is disposed when the element goes.
 */
export function useSvgChart(): {
  ref: (element: HTMLDivElement | null) => (() => void) | undefined;
  chart: ECharts | undefined;
  width: number;
} {
  const [chart, setChart] = useState<ECharts>();
  const [width, setWidth] = useState(0);
  const ref = useCallback((element: HTMLDivElement | null) => {
    if (!element) return undefined;
    const instance = init(element, undefined, { renderer: "svg" });
    setChart(instance);
    const observer = new ResizeObserver(() => {
      instance.resize();
      setWidth(element.clientWidth);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      setChart(undefined);
    };
  }, []);
  return { ref, chart, width };
}
