import type { FastifyInstance } from "fastify";
import type { IssueDetail } from "../../domain/errors.ts";
import { invalidError } from "../../domain/validation.ts";

// PostgreSQL cannot store the NUL character in text or JSON, so input carrying one is refused
// here, for every route, with the path of each offending field, before any handler sees it.
function nulPaths(value: unknown, path: string, found: IssueDetail[]): void {
  if (typeof value === "string") {
    if (value.includes("\u0000"))
      found.push({
        path,
        th: "มีอักขระ NUL (รหัส 0) ซึ่งใช้ไม่ได้ ลบอักขระนี้ออก",
        en: "contains the NUL character (code 0), which is not allowed; remove it",
      });
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) nulPaths(v, `${path}.${i}`, found);
  } else if (value !== null && typeof value === "object")
    for (const [key, v] of Object.entries(value)) {
      nulPaths(key, `${path}.${key.replaceAll("\u0000", "\\0")} (name)`, found);
      nulPaths(v, `${path}.${key.replaceAll("\u0000", "\\0")}`, found);
    }
}

/** Whether any string or key holds a NUL: a walk without building the paths, for clean input. */
function containsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === "object")
    for (const [key, v] of Object.entries(value))
      if (key.includes("\u0000") || containsNul(v)) return true;
  return false;
}

export function registerRejectNul(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    if (![request.body, request.query, request.params].some(containsNul)) return;
    const found: IssueDetail[] = [];
    nulPaths(request.body, "body", found);
    nulPaths(request.query, "query", found);
    nulPaths(request.params, "params", found);
    if (found.length > 0)
      throw invalidError(
        "INPUT_INVALID",
        { th: "ข้อมูลที่ส่งมามีอักขระที่ใช้ไม่ได้", en: "the input contains characters that are not allowed" },
        found,
      );
  });
}
