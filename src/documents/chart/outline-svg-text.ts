import type { Font, Buffer as HbBuffer, SvgPathCommand } from "harfbuzzjs";
import {
  type SarabunSubset,
  type SarabunWeight,
  sarabunSfntFaces,
} from "../fonts/sarabun-fonts.ts";

// resvg shapes Thai text slowly (milliseconds per text element), so for raster output the
// chart's <text> elements are shaped once with HarfBuzz and drawn as outlines instead.

/** Coordinates are kept in units of 1/1000 em, whatever the font's own units. */
const UNITS_PER_EM = 1000;
const THAI_RANGE = /[\u0E00-\u0E7F]/u;

interface Shaped {
  path: string;
  advance: number;
}

interface WeightFonts {
  thai: Font;
  latin: Font;
}

export interface TextOutliner {
  /** Replaces every plain `<text>` element of an SVG with an equivalent filled `<path>`. */
  outline(svg: string): string;
}

const ENTITY = /&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/giu;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (_match, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) {
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    }
    if (name.startsWith("#")) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return NAMED[name.toLowerCase()] ?? "";
  });
}

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(/([a-zA-Z_:][-\w:.]*)="([^"]*)"/g)) {
    attributes.set(match[1] ?? "", match[2] ?? "");
  }
  return attributes;
}

function styleValue(style: string, property: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([^;]+)`).exec(style);
  return match?.[1]?.trim();
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function appendGlyph(parts: string[], commands: SvgPathCommand[], dx: number, dy: number): void {
  for (const command of commands) {
    const values = command.values.map((value, index) => round(value + (index % 2 ? dy : dx)));
    parts.push(command.type + values.join(" "));
  }
}

// Attributes that only describe text placement; everything else (fill, opacity…) is kept.
const TEXT_ONLY_ATTRIBUTES = new Set([
  "x",
  "y",
  "dominant-baseline",
  "text-anchor",
  "style",
  "xml:space",
  "transform",
]);

class HarfBuzzOutliner implements TextOutliner {
  private readonly shapedCache = new Map<string, Shaped>();
  private readonly glyphCache = new Map<string, SvgPathCommand[]>();
  private readonly ascender: number;
  private readonly descender: number;

  constructor(
    private readonly hb: typeof import("harfbuzzjs"),
    private readonly weights: { normal: WeightFonts; bold: WeightFonts },
    private readonly buffer: HbBuffer,
  ) {
    const font = weights.normal.latin;
    const extents = font.hExtents();
    const scale = UNITS_PER_EM / font.face.upem;
    this.ascender = extents.ascender * scale;
    this.descender = extents.descender * scale;
  }

  outline(svg: string): string {
    return svg.replace(
      /<text\b([^>]*)>([^<]*)<\/text>/g,
      (_element, attributeSource: string, content: string) =>
        this.outlineElement(parseAttributes(attributeSource), decodeEntities(content)),
    );
  }

  private outlineElement(attributes: Map<string, string>, text: string): string {
    const style = attributes.get("style") ?? "";
    const size = Number.parseFloat(styleValue(style, "font-size") ?? "12") || 12;
    const weight = styleValue(style, "font-weight") ?? "normal";
    const bold = weight === "bold" || Number.parseInt(weight, 10) >= 600;
    const shaped = this.shape(text, bold);
    const scale = size / UNITS_PER_EM;

    const anchor = attributes.get("text-anchor") ?? "start";
    const anchorShift =
      anchor === "middle" ? shaped.advance / 2 : anchor === "end" ? shaped.advance : 0;
    const baseline = attributes.get("dominant-baseline") ?? "alphabetic";
    const baselineShift =
      baseline === "central" || baseline === "middle"
        ? (this.ascender + this.descender) / 2
        : baseline === "hanging" || baseline === "text-before-edge"
          ? this.ascender
          : baseline === "text-after-edge" || baseline === "ideographic"
            ? this.descender
            : 0;
    const x = Number.parseFloat(attributes.get("x") ?? "0") || 0;
    const y = Number.parseFloat(attributes.get("y") ?? "0") || 0;

    const transforms = [
      attributes.get("transform") ?? "",
      `translate(${round(x - anchorShift * scale)} ${round(y + baselineShift * scale)})`,
      `scale(${scale} ${-scale})`,
    ].filter((part) => part !== "");
    const kept = [...attributes]
      .filter(([name]) => !TEXT_ONLY_ATTRIBUTES.has(name))
      .map(([name, value]) => ` ${name}="${value}"`)
      .join("");
    return `<path d="${shaped.path}" transform="${transforms.join(" ")}"${kept}/>`;
  }

  private shape(text: string, bold: boolean): Shaped {
    const key = `${bold ? "b" : "n"}|${text}`;
    const cached = this.shapedCache.get(key);
    if (cached) return cached;

    const fonts = bold ? this.weights.bold : this.weights.normal;
    const parts: string[] = [];
    let pen = 0;
    // Each run of Thai or non-Thai characters is shaped with the subset that holds its glyphs.
    for (const run of text.match(/[\u0E00-\u0E7F]+|[^\u0E00-\u0E7F]+/gu) ?? []) {
      const font = THAI_RANGE.test(run) ? fonts.thai : fonts.latin;
      const scale = UNITS_PER_EM / font.face.upem;
      this.buffer.reset();
      this.buffer.addText(run);
      this.buffer.guessSegmentProperties();
      this.hb.shape(font, this.buffer);
      const infos = this.buffer.getGlyphInfos();
      const positions = this.buffer.getGlyphPositions();
      infos.forEach((info, index) => {
        const position = positions[index];
        if (!position) return;
        const commands = this.glyph(font, info.codepoint, scale);
        appendGlyph(parts, commands, pen + position.xOffset * scale, position.yOffset * scale);
        pen += position.xAdvance * scale;
      });
    }
    const shaped = { path: parts.join(""), advance: pen };
    if (this.shapedCache.size > 5000) this.shapedCache.clear();
    this.shapedCache.set(key, shaped);
    return shaped;
  }

  private glyph(font: Font, glyphId: number, scale: number): SvgPathCommand[] {
    const key = `${font.ptr}:${glyphId}`;
    let commands = this.glyphCache.get(key);
    if (!commands) {
      commands = font
        .glyphToJson(glyphId)
        .map((command) => ({ type: command.type, values: command.values.map((v) => v * scale) }));
      this.glyphCache.set(key, commands);
    }
    return commands;
  }
}

let outliner: Promise<TextOutliner> | undefined;

/** The shared outliner; HarfBuzz (WebAssembly) and the fonts are loaded on first use. */
export function getTextOutliner(): Promise<TextOutliner> {
  outliner ??= (async () => {
    const hb = await import("harfbuzzjs");
    const faces = sarabunSfntFaces();
    const font = (weight: SarabunWeight, subset: SarabunSubset): Font => {
      const face = faces.find((entry) => entry.weight === weight && entry.subset === subset);
      if (!face) throw new Error(`ไม่พบฟอนต์ Sarabun ${subset} ${weight} (font face missing)`);
      return new hb.Font(new hb.Face(new hb.Blob(face.data)));
    };
    return new HarfBuzzOutliner(
      hb,
      {
        normal: { thai: font(400, "thai"), latin: font(400, "latin") },
        bold: { thai: font(700, "thai"), latin: font(700, "latin") },
      },
      new hb.Buffer(),
    );
  })();
  outliner.catch(() => {
    outliner = undefined; // let a later call try again rather than keep the failure
  });
  return outliner;
}
