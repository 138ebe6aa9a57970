import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DomainError, type IssueDetail } from "../errors.ts";
import { issueDetails } from "../validation.ts";
import { defaultContentDir } from "./load-content.ts";

// Which OIT topics Prongsai publishes the evidence for itself, by the topic's stable slug, so a
// new year's framework with renumbered items needs no code change.

export const PUBLISHED_EVIDENCE_FILE = "published-evidence.json";

/** Where the evidence comes from: the approved measures document, or the measures' follow-up. */
export const evidenceSources = ["measures-document", "measures-progress"] as const;
export type EvidenceSource = (typeof evidenceSources)[number];

const publishedEvidenceSchema = z.strictObject({
  $comment: z.string().optional(),
  topics: z.record(
    z.string().regex(/^[a-z][a-z0-9-]*$/),
    z.strictObject({
      source: z.enum(evidenceSources),
      /** What the public finds there, in Thai. */
      description: z.string().trim().min(1),
    }),
  ),
});

export type PublishedEvidence = z.output<typeof publishedEvidenceSchema>["topics"];

/** Reads and checks content/th/published-evidence.json; every problem is listed. */
export function loadPublishedEvidence(dir: string = defaultContentDir()): PublishedEvidence {
  const file = join(dir, PUBLISHED_EVIDENCE_FILE);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid([
      { path: PUBLISHED_EVIDENCE_FILE, th: `อ่านไฟล์ไม่ได้: ${reason}`, en: `cannot read: ${reason}` },
    ]);
  }
  const result = publishedEvidenceSchema.safeParse(value, { reportInput: true });
  if (result.success) return result.data.topics;
  throw invalid(
    result.error.issues.flatMap((issue) =>
      issueDetails(issue).map((d) => ({ ...d, path: `${PUBLISHED_EVIDENCE_FILE}:${d.path}` })),
    ),
  );
}

function invalid(details: IssueDetail[]): DomainError {
  return new DomainError(
    "INPUT_INVALID",
    `published evidence content is invalid: ${details.map((d) => `${d.path}: ${d.en}`).join("; ")}`,
    { userMessage: "ไฟล์หลักฐานที่เผยแพร่ (published-evidence.json) ไม่ถูกต้อง", details },
  );
}
