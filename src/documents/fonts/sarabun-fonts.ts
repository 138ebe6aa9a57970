import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

// Sarabun from @fontsource, read once per process, embedded in HTML and so in the PDF.

export type SarabunWeight = 400 | 700;
export type SarabunSubset = "thai" | "latin";

export interface SarabunFace {
  weight: SarabunWeight;
  subset: SarabunSubset;
  /** CSS unicode-range of the subset, so the browser picks the right file per character. */
  unicodeRange: string;
  woff2: Buffer;
}

const require = createRequire(import.meta.url);

const UNICODE_RANGES: Record<SarabunSubset, string> = {
  thai: "U+02D7, U+0303, U+0331, U+0E01-0E5B, U+200C-200D, U+25CC",
  latin:
    "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD",
};

const FACES: { weight: SarabunWeight; subset: SarabunSubset }[] = [
  { weight: 400, subset: "thai" },
  { weight: 400, subset: "latin" },
  { weight: 700, subset: "thai" },
  { weight: 700, subset: "latin" },
];

/** The package's file name of one face, e.g. sarabun-thai-400-normal.woff2. */
export function sarabunFileName(
  subset: SarabunSubset,
  weight: SarabunWeight,
  extension = "woff2",
): string {
  return `sarabun-${subset}-${weight}-normal.${extension}`;
}

/** The @fontsource/sarabun version, so web pages can name fonts by version and cache them forever. */
export const SARABUN_VERSION: string = (
  require("@fontsource/sarabun/package.json") as { version: string }
).version;

/** The web faces without their bytes: what a stylesheet needs to name them. */
export const SARABUN_WEB_FILES: readonly {
  weight: SarabunWeight;
  subset: SarabunSubset;
  unicodeRange: string;
  file: string;
}[] = FACES.map(({ weight, subset }) => ({
  weight,
  subset,
  unicodeRange: UNICODE_RANGES[subset],
  file: sarabunFileName(subset, weight),
}));

function readFontFile(subset: SarabunSubset, weight: SarabunWeight, extension: string): Buffer {
  return readFileSync(
    require.resolve(`@fontsource/sarabun/files/${sarabunFileName(subset, weight, extension)}`),
  );
}

let webFaces: SarabunFace[] | undefined;

/** The WOFF2 faces (regular and bold, Thai and Latin subsets) for `@font-face`. */
export function sarabunWebFaces(): readonly SarabunFace[] {
  webFaces ??= FACES.map(({ weight, subset }) => ({
    weight,
    subset,
    unicodeRange: UNICODE_RANGES[subset],
    woff2: readFontFile(subset, weight, "woff2"),
  }));
  return webFaces;
}
