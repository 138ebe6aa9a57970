import { type ECharts, init } from "echarts/core";
import { useEffect, useRef, useState } from "react";

/**
 * An ECharts instance drawn as SVG into the returned container, resized with it and disposed
 * with the component; `width` changes when the container does, so options can follow it.
 */
export function useSvgChart() {
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
  return { container, chart, width };
}
