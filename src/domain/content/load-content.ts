import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import { DomainError, type IssueDetail } from "../errors.ts";
import { issueDetails } from "../validation.ts";
import {
  type Content,
  contentSchema,
  indicatorRecommendationsFileSchema,
  indicatorsFileSchema,
  nationalContextFileSchema,
  oitRecommendationsFileSchema,
  suggestedMeasuresFileSchema,
} from "./schema.ts";

/** File names inside the content directory. */
export const CONTENT_FILES = {
  indicators: "indicators.json",
  recommendations: "indicator-recommendations.json",
  measures: "suggested-measures.json",
  national: "national-context.json",
  oitTopics: "oit-recommendations.json",
} as const;

type ContentKey = keyof typeof CONTENT_FILES;

/** The shipped Thai content, resolved from this module so the working directory never matters. */
export function defaultContentDir(): string {
  return fileURLToPath(new URL("../../../content/th/", import.meta.url));
}

function detail(file: string, path: string, th: string, en: string): IssueDetail {
  return { path: path === "" ? file : `${file}:${path}`, th, en };
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}

/** Reads one JSON file; `undefined` content with no problems means "absent and optional". */
function readJson(
  dir: string,
  file: string,
  optional: boolean,
): { value?: unknown; problems: IssueDetail[] } {
  let text: string;
  try {
    text = readFileSync(join(dir, file), "utf8");
  } catch (error) {
    if (isMissing(error)) {
      if (optional) return { problems: [] };
      return { problems: [detail(file, "", "ไม่พบไฟล์", "file not found")] };
    }
    const reason = error instanceof Error ? error.message : String(error);
    return { problems: [detail(file, "", `อ่านไฟล์ไม่ได้: ${reason}`, `cannot read: ${reason}`)] };
  }
  try {
    return { value: JSON.parse(text) as unknown, problems: [] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      problems: [detail(file, "", `ไม่ใช่ JSON ที่ถูกต้อง: ${reason}`, `not valid JSON: ${reason}`)],
    };
  }
}

function issuesToDetails(
  file: string,
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): IssueDetail[] {
  return issues.flatMap((issue) =>
    issueDetails(issue, [...prefix]).map((d) => detail(file, d.path, d.th, d.en)),
  );
}

function parseFile<T>(
  schema: z.ZodType<T>,
  dir: string,
  file: string,
  optional: boolean,
  problems: IssueDetail[],
): T | undefined {
  const read = readJson(dir, file, optional);
  problems.push(...read.problems);
  if (read.value === undefined) return undefined;
  // reportInput lets the Thai wording tell a missing field from a wrong type.
  const result = schema.safeParse(read.value, { reportInput: true });
  if (result.success) return result.data;
  problems.push(...issuesToDetails(file, result.error.issues));
  return undefined;
}

// Where a path of the assembled content lives inside its file.
const FILE_PREFIX: Record<ContentKey, readonly string[]> = {
  indicators: ["indicators"],
  recommendations: ["indicators"],
  measures: ["measures"],
  national: [],
  oitTopics: ["topics"],
};

function isContentKey(key: PropertyKey | undefined): key is ContentKey {
  return typeof key === "string" && Object.hasOwn(CONTENT_FILES, key);
}

/**
 * Loads and validates the Thai content files in `dir` (default: the package's `content/th`).
 * `oit-recommendations.json` is optional; every other file is required. Throws one
 * `INPUT_INVALID` error listing every problem found in every file.
 */
export function loadContent(dir: string = defaultContentDir()): Content {
  const problems: IssueDetail[] = [];
  const indicators = parseFile(
    indicatorsFileSchema,
    dir,
    CONTENT_FILES.indicators,
    false,
    problems,
  );
  const recommendations = parseFile(
    indicatorRecommendationsFileSchema,
    dir,
    CONTENT_FILES.recommendations,
    false,
    problems,
  );
  const measures = parseFile(
    suggestedMeasuresFileSchema,
    dir,
    CONTENT_FILES.measures,
    false,
    problems,
  );
  const national = parseFile(
    nationalContextFileSchema,
    dir,
    CONTENT_FILES.national,
    false,
    problems,
  );
  const oit = parseFile(oitRecommendationsFileSchema, dir, CONTENT_FILES.oitTopics, true, problems);

  if (indicators && recommendations && measures && national && problems.length === 0) {
    const result = contentSchema.safeParse({
      indicators: indicators.indicators,
      recommendations: recommendations.indicators,
      measures: measures.measures,
      national,
      oitTopics: oit?.topics ?? {},
    });
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const [key, ...rest] = issue.path;
      const file = isContentKey(key) ? CONTENT_FILES[key] : "content";
      const prefix = isContentKey(key) ? FILE_PREFIX[key] : [];
      problems.push(...issuesToDetails(file, [{ ...issue, path: rest }], prefix));
    }
  }

  throw new DomainError(
    "INPUT_INVALID",
    `Thai content is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}): ${problems
      .map((p) => `${p.path}: ${p.en}`)
      .join("; ")}`,
    {
      userMessage: `ไฟล์เนื้อหาภาษาไทยไม่ถูกต้อง พบปัญหา ${problems.length} รายการ`,
      details: problems,
    },
  );
}
