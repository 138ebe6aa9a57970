import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DomainError, type IssueDetail } from "../errors.ts";
import { issueDetails } from "../validation.ts";
import { defaultContentDir } from "./load-content.ts";
import { YEAR_IN_TEXT } from "./schema.ts";

// The words that name each OIT topic on an agency's web site, keyed by the frameworks' topic
// slugs, so the website checker recognises evidence in any year's numbering without code changes.

export const OIT_EVIDENCE_KEYWORDS_FILE = "oit-evidence-keywords.json";

const phrase = z
  .string()
  .trim()
  .min(1)
  .refine((s) => !YEAR_IN_TEXT.test(s), {
    message: "contains a year; the fiscal year comes from the framework",
  });

const topicKeywordsSchema = z.strictObject({
  /** A label naming the topic contains one of these (spaces ignored). */
  keywords: z.array(phrase).min(1),
  /** …and none of these, which name a neighbouring topic. */
  exclude: z.array(phrase).default([]),
});

const oitEvidenceKeywordsSchema = z.strictObject({
  $comment: z.string().optional(),
  topics: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), topicKeywordsSchema),
});

export type TopicKeywords = z.output<typeof topicKeywordsSchema>;
/** Keywords by OIT topic slug. */
export type OitEvidenceKeywords = Record<string, TopicKeywords>;

/** Checks keyword data (already parsed JSON); throws one INPUT_INVALID listing every problem. */
export function parseOitEvidenceKeywords(value: unknown): OitEvidenceKeywords {
  const result = oitEvidenceKeywordsSchema.safeParse(value, { reportInput: true });
  if (result.success) return result.data.topics;
  throw invalid(
    result.error.issues.flatMap((issue) =>
      issueDetails(issue).map((d) => ({ ...d, path: `${OIT_EVIDENCE_KEYWORDS_FILE}:${d.path}` })),
    ),
  );
}

/** Reads and checks content/th/oit-evidence-keywords.json. */
export function loadOitEvidenceKeywords(dir: string = defaultContentDir()): OitEvidenceKeywords {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(join(dir, OIT_EVIDENCE_KEYWORDS_FILE), "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid([
      {
        path: OIT_EVIDENCE_KEYWORDS_FILE,
        th: `อ่านไฟล์ไม่ได้: ${reason}`,
        en: `cannot read: ${reason}`,
      },
    ]);
  }
  return parseOitEvidenceKeywords(value);
}

function invalid(details: IssueDetail[]): DomainError {
  return new DomainError(
    "INPUT_INVALID",
    `OIT evidence keywords are invalid: ${details.map((d) => `${d.path}: ${d.en}`).join("; ")}`,
    { userMessage: "ไฟล์คำสำคัญของหลักฐาน OIT (oit-evidence-keywords.json) ไม่ถูกต้อง", details },
  );
}
