import { DomainError, type IssueDetail } from "../errors.ts";
import { zodDetails } from "../validation.ts";
import { type Framework, frameworkSchema } from "./schema.ts";

/**
 * Validates a framework object (already parsed from JSON) and returns it with defaults applied.
 * Throws `FRAMEWORK_INVALID` listing every problem found, each with its dotted path; the
 * cross-reference rules run once the shape is valid.
 */
export function parseFramework(json: unknown, source: string): Framework {
  const result = frameworkSchema.safeParse(json);
  if (result.success) return result.data;
  throw frameworkInvalid(source, zodDetails(frameworkSchema, json));
}

/** The error thrown for an unusable framework file; also used by the loader for unreadable JSON. */
export function frameworkInvalid(source: string, details: IssueDetail[]): DomainError {
  const summary = details
    .slice(0, 5)
    .map((d) => `${d.path || "(root)"}: ${d.en}`)
    .join("; ");
  const more = details.length > 5 ? `; and ${details.length - 5} more` : "";
  return new DomainError(
    "FRAMEWORK_INVALID",
    `Framework ${source} is invalid (${details.length} problem(s)): ${summary}${more}`,
    {
      userMessage: `ไฟล์กรอบการประเมิน ${source} ไม่ถูกต้อง พบปัญหา ${details.length} รายการ`,
      details,
    },
  );
}
