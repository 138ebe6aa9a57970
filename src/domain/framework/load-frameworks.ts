import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DomainError } from "../errors.ts";
import { frameworkInvalid, parseFramework } from "./parse-framework.ts";
import type { Framework } from "./schema.ts";

// Resolved from this module, not the working directory, so the CLI works from any folder.
export const frameworksDir = fileURLToPath(new URL("../../../frameworks/", import.meta.url));

const frameworkFile = /^ita-.+\.json$/;

/** Reads and validates every `ita-*.json` framework in `dir`, keyed by framework id. */
export function loadFrameworks(dir: string = frameworksDir): Map<string, Framework> {
  const files = readdirSync(dir)
    .filter((name) => frameworkFile.test(name))
    .sort();
  const frameworks = new Map<string, Framework>();
  for (const file of files) {
    const framework = parseFramework(readJson(join(dir, file), file), file);
    const expectedId = basename(file, ".json");
    if (framework.id !== expectedId)
      throw frameworkInvalid(file, [
        {
          path: "id",
          th: `รหัส ${framework.id} ไม่ตรงกับชื่อไฟล์ ให้ใช้รหัส ${expectedId}`,
          en: `id ${framework.id} does not match the file name; expected ${expectedId}`,
        },
      ]);
    frameworks.set(framework.id, framework);
  }
  return frameworks;
}

/** The framework with this id, or `FRAMEWORK_NOT_FOUND` naming the ids that exist. */
export function getFramework(id: string, frameworks: ReadonlyMap<string, Framework>): Framework {
  const framework = frameworks.get(id);
  if (framework) return framework;
  const known = [...frameworks.keys()].sort();
  const list = known.length > 0 ? known.join(", ") : "(none)";
  throw new DomainError("FRAMEWORK_NOT_FOUND", `Unknown framework ${id}; known: ${list}`, {
    userMessage: `ไม่พบกรอบการประเมิน ${id} กรอบที่มีอยู่: ${list}`,
    details: [
      {
        path: "framework",
        th: `ไม่พบกรอบการประเมิน ${id} เลือกจาก ${list}`,
        en: `Unknown framework ${id}; choose one of ${list}`,
      },
    ],
  });
}

function readJson(path: string, file: string): unknown {
  const text = readFileSync(path, "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw frameworkInvalid(file, [
      { path: "", th: `ไฟล์ไม่ใช่ JSON ที่ถูกต้อง: ${reason}`, en: `Not valid JSON: ${reason}` },
    ]);
  }
}
