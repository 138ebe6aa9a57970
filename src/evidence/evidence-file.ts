import { z } from "zod";
import type { IssueDetail } from "../domain/errors.ts";
import { findOitItem } from "../domain/framework/lookup.ts";
import type { Framework } from "../domain/framework/schema.ts";
import { invalidError, zodDetails } from "../domain/validation.ts";

// The evidence an agency gives: OIT item id → one URL or a list of URLs (YAML or JSON file).

const evidenceFileSchema = z.record(
  z.string().min(1),
  z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
);

const SUBJECT = { th: "ไฟล์หลักฐาน OIT ไม่ถูกต้อง", en: "the OIT evidence file is invalid" };

/** Reads parsed YAML/JSON into item id → URLs; throws INPUT_INVALID listing every problem. */
export function parseEvidenceFile(value: unknown, framework: Framework): Record<string, string[]> {
  const details = zodDetails(evidenceFileSchema, value);
  if (details.length > 0) throw invalidError("INPUT_INVALID", SUBJECT, details);
  const parsed = evidenceFileSchema.parse(value);
  const lists: Record<string, string[]> = {};
  for (const [id, urls] of Object.entries(parsed))
    lists[id] = typeof urls === "string" ? [urls] : urls;
  return checkEvidence(lists, framework);
}

/** Ids as the framework spells them and absolute http(s) URLs; every problem listed at once. */
export function checkEvidence(
  evidence: Record<string, string[]>,
  framework: Framework,
): Record<string, string[]> {
  const problems: IssueDetail[] = [];
  const checked: Record<string, string[]> = {};
  for (const [id, urls] of Object.entries(evidence)) {
    const item = findOitItem(framework, id);
    if (!item)
      problems.push({
        path: id,
        th: `ไม่มีข้อ ${id} ในกรอบการประเมิน ${framework.id}`,
        en: `${framework.id} has no OIT item ${id}`,
      });
    const good: string[] = [];
    urls.forEach((raw, index) => {
      const url = absoluteHttpUrl(raw);
      if (url) good.push(url);
      else
        problems.push({
          path: `${id}.${index}`,
          th: `"${raw}" ไม่ใช่ที่อยู่เว็บแบบ http หรือ https ที่สมบูรณ์`,
          en: `"${raw}" is not an absolute http or https URL`,
        });
    });
    if (item) checked[item.id] = [...new Set([...(checked[item.id] ?? []), ...good])];
  }
  if (problems.length > 0) throw invalidError("INPUT_INVALID", SUBJECT, problems);
  return checked;
}

function absoluteHttpUrl(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    url.hash = "";
    return url.href;
  } catch {
    return null;
  }
}
