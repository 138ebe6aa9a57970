import { z } from "zod";
import { DomainError, type IssueDetail } from "../domain/errors.ts";
import { findOitItem } from "../domain/framework/lookup.ts";
import type { Framework } from "../domain/framework/schema.ts";
import { invalidError, zodDetails } from "../domain/validation.ts";

// The evidence an agency gives: OIT item id → one URL or a list of URLs (YAML or JSON file).

const entrySchema = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const SUBJECT = { th: "ไฟล์หลักฐาน OIT ไม่ถูกต้อง", en: "the OIT evidence file is invalid" };

/** Reads parsed YAML/JSON into item id → URLs; throws INPUT_INVALID listing every problem. */
export function parseEvidenceFile(value: unknown, framework: Framework): Record<string, string[]> {
  const shape = zodDetails(z.record(z.string(), z.unknown()), value);
  if (shape.length > 0) throw invalidError("INPUT_INVALID", SUBJECT, shape);
  const problems: IssueDetail[] = [];
  const lists: Record<string, string[]> = {};
  for (const [id, entry] of Object.entries(value as Record<string, unknown>)) {
    const parsed = entrySchema.safeParse(entry);
    if (parsed.success) lists[id] = typeof parsed.data === "string" ? [parsed.data] : parsed.data;
    else
      problems.push(
        ...zodDetails(entrySchema, entry).map((d) => ({
          ...d,
          path: d.path ? `${id}.${d.path}` : id,
        })),
      );
  }
  // Ids and URLs of the well-formed entries are checked too, so one run lists everything.
  try {
    const checked = checkEvidence(lists, framework);
    if (problems.length === 0) return checked;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problems.push(...error.details);
  }
  throw invalidError("INPUT_INVALID", SUBJECT, problems);
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

/** The agency's home page as an absolute http(s) URL, or INPUT_INVALID saying what to give. */
export function checkSiteUrl(raw: string): string {
  const url = absoluteHttpUrl(raw);
  if (url) return url;
  throw new DomainError("INPUT_INVALID", `the site must be an absolute http(s) URL: ${raw}`, {
    userMessage: `ที่อยู่เว็บไซต์ต้องเป็นแบบ http หรือ https ที่สมบูรณ์ (ได้ ${raw})`,
    details: [
      {
        path: "site",
        th: "ให้ระบุหน้าแรกของหน่วยงาน เช่น https://www.huaisak.go.th/",
        en: "give the agency's home page, e.g. https://www.huaisak.go.th/",
      },
    ],
  });
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
