import { Resvg } from "@resvg/resvg-js";
import { encodeRgbaPng } from "./encode-png.ts";
import { getTextOutliner } from "./outline-svg-text.ts";

export interface ChartPng {
  png: Buffer;
  width: number;
  height: number;
}

/** 1.25 × a 720-px chart printed 16 cm wide is about 140 dpi: a fallback, sharp enough and cheap. */
export const DEFAULT_PNG_SCALE = 1.25;

/** Rasterises a chart SVG to PNG without a browser: text as HarfBuzz outlines, shapes by resvg. */
export async function renderChartPng(svg: string, scale = DEFAULT_PNG_SCALE): Promise<ChartPng> {
  const outliner = await getTextOutliner();
  const image = new Resvg(outliner.outline(svg), {
    fitTo: { mode: "zoom", value: scale },
    background: "#ffffff",
    font: { loadSystemFonts: false },
  }).render();
  return {
    png: encodeRgbaPng(image.pixels, image.width, image.height),
    width: image.width,
    height: image.height,
  };
}
