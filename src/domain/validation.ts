import { z } from "zod";
import { DomainError, type ErrorCode, type IssueDetail } from "./errors.ts";

const thaiErrors = z.locales.th().localeError;

/** Every Zod issue of `data`, in Thai and English, each with its dotted path. */
export function zodDetails(schema: z.ZodType, data: unknown): IssueDetail[] {
  const en = schema.safeParse(data);
  if (en.success) return [];
  // Parsing again with the Thai locale yields the same issues in the same order.
  const th = schema.safeParse(data, { error: thaiErrors });
  const thIssues = th.success ? [] : th.error.issues;
  return en.error.issues.map((issue, i) => ({
    path: issue.path.join("."),
    th: thIssues[i]?.message ?? issue.message,
    en: issue.message,
  }));
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
