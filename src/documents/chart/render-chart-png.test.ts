import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { buildFixtureChart } from "../test-fixtures.ts";
import { cachedChartImages } from "./chart-cache.ts";
import { getTextOutliner } from "./outline-svg-text.ts";
import { renderChartPng } from "./render-chart-png.ts";
import { renderIndicatorChartSvg } from "./render-indicator-chart.ts";

function darkPixels(svg: string): number {
  const { pixels } = new Resvg(svg, {
    background: "#ffffff",
    font: { loadSystemFonts: false },
  }).render();
  let count = 0;
  for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] ?? 255) < 128) count++;
  return count;
}

describe("renderChartPng", () => {
  it("rasterises the chart to a PNG of the scaled size", async () => {
    const svg = renderIndicatorChartSvg(buildFixtureChart());
    const { png, width, height } = await renderChartPng(svg, 1.25);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]));
    expect([width, height]).toEqual([900, 525]);
    expect(png.readUInt32BE(16)).toBe(900);
    expect(png.readUInt32BE(20)).toBe(525);
  });

  it("draws Thai text as outlines, so no font is needed at raster time", async () => {
    const outliner = await getTextOutliner();
    const text = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="100" y="20" dominant-baseline="central" text-anchor="middle" style="font-size:20px" fill="#000">ที่ ๗๘.๓๓ ok</text></svg>`;
    const outlined = outliner.outline(text);
    expect(outlined).not.toContain("<text");
    expect(outlined).toMatch(/<path d="M[^"]+" transform="translate\(/);
    expect(darkPixels(outlined)).toBeGreaterThan(150);
    expect(darkPixels(text)).toBe(0);
  });

  it("keeps the chart's own paths and replaces every text element", async () => {
    const svg = renderIndicatorChartSvg(buildFixtureChart());
    const outlined = (await getTextOutliner()).outline(svg);
    expect(outlined).not.toContain("<text");
    const textCount = (svg.match(/<text\b/g) ?? []).length;
    const pathsBefore = (svg.match(/<path\b/g) ?? []).length;
    expect((outlined.match(/<path\b/g) ?? []).length).toBe(pathsBefore + textCount);
  });

  it("draws each distinct chart once", async () => {
    const first = await cachedChartImages(buildFixtureChart());
    const second = await cachedChartImages(buildFixtureChart());
    expect(second.png).toBe(first.png);
    expect(second.svg).toBe(first.svg);
  });
});
