import { DomainError, type IssueDetail } from "../errors.ts";

const PLACEHOLDER = /\{([^{}]*)\}/g;
const PLACEHOLDER_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/** Names of the `{name}` placeholders in a template, in order of first appearance. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ""))];
}

/** Replaces every `{name}` with its value; throws rather than leave a placeholder in the output. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  const details: IssueDetail[] = [];
  for (const name of placeholdersOf(template)) {
    if (!PLACEHOLDER_NAME.test(name)) {
      details.push({
        path: `{${name}}`,
        en: `malformed placeholder {${name}}`,
        th: `ตัวแทนค่า {${name}} มีรูปแบบไม่ถูกต้อง`,
      });
    } else if (!Object.hasOwn(values, name)) {
      details.push({
        path: name,
        en: `no value for placeholder {${name}}`,
        th: `ไม่มีค่าสำหรับตัวแทนค่า {${name}}`,
      });
    } else if (/[{}]/u.test(values[name] ?? "")) {
      // A brace in a value would put a placeholder-looking text into the output.
      details.push({
        path: name,
        en: `the value for {${name}} contains a brace`,
        th: `ค่าของตัวแทนค่า {${name}} มีวงเล็บปีกกา`,
      });
    }
  }
  const rest = template.replace(PLACEHOLDER, "");
  if (/[{}]/u.test(rest))
    details.push({ path: "", en: "unbalanced brace in template", th: "แม่แบบมีวงเล็บปีกกาไม่ครบคู่" });
  if (details.length > 0) {
    const names = details.map((d) => d.path || "template").join(", ");
    throw new DomainError("INPUT_INVALID", `Cannot fill template: ${names}`, {
      userMessage: `เติมข้อความในแม่แบบไม่ได้: ${details.map((d) => d.th).join("; ")}`,
      details,
    });
  }
  return template.replace(PLACEHOLDER, (_, name: string) => values[name] ?? "");
}
