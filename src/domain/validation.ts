import type { z } from "zod";
import { DomainError, type ErrorCode, type IssueDetail } from "./errors.ts";
import { thaiIssueMessage } from "./zod-thai.ts";

type RefinementContext = z.core.$RefinementCtx<unknown>;

/** Adds a custom issue in both languages from a schema's cross-field rules. */
export function addIssue(
  ctx: RefinementContext,
  path: (string | number)[],
  en: string,
  th: string,
): void {
  ctx.addIssue({ code: "custom", message: en, params: { th }, path, input: undefined });
}

/** Indexes of the entries that repeat an earlier one, for "duplicate id" rules. */
export function repeatedIndexes(values: readonly unknown[]): number[] {
  const seen = new Set<unknown>();
  const found: number[] = [];
  values.forEach((v, i) => {
    if (seen.has(v)) found.push(i);
    seen.add(v);
  });
  return found;
}

/** One Zod issue as details with dotted paths; each unknown key is its own detail. */
export function issueDetails(issue: z.core.$ZodIssue, prefix: PropertyKey[] = []): IssueDetail[] {
  const dotted = (path: readonly PropertyKey[]) => [...prefix, ...path].map(String).join(".");
  if (issue.code === "unrecognized_keys")
    return issue.keys.map((key) => ({
      path: dotted([...issue.path, key]),
      th: `ไม่รู้จักช่องข้อมูล "${key}" ให้ลบออกหรือตรวจการสะกด`,
      en: `unknown field "${key}": remove it or check its spelling`,
    }));
  const en =
    issue.code === "invalid_key"
      ? `${issue.message}: ${issue.issues.map((i) => i.message).join("; ")}`
      : issue.message;
  return [{ path: dotted(issue.path), th: thaiIssueMessage(issue), en }];
}

/** Every problem of `data`, in Thai and English, each with its dotted path (empty when valid). */
export function zodDetails(schema: z.ZodType, data: unknown): IssueDetail[] {
  // reportInput lets the Thai message tell a missing field from a wrongly typed one.
  const result = schema.safeParse(data, { reportInput: true });
  return result.success ? [] : result.error.issues.flatMap((issue) => issueDetails(issue));
}

export function invalidError(
  code: ErrorCode,
  subject: { th: string; en: string },
  details: IssueDetail[],
): DomainError {
  const list = details.map((d) => `  - ${d.path || "(root)"}: ${d.en}`).join("\n");
  return new DomainError(code, `${subject.en}: ${details.length} problem(s)\n${list}`, {
    userMessage: `${subject.th}: พบปัญหา ${details.length} รายการ`,
    details,
  });
}

/** Parses with a schema or throws a DomainError listing every problem, not just the first. */
export function parseWith<T extends z.ZodType>(
  schema: T,
  data: unknown,
  code: ErrorCode,
  subject: { th: string; en: string },
): z.output<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw invalidError(code, subject, zodDetails(schema, data));
}
