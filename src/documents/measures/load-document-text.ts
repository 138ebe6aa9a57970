import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseWith } from "../../domain/validation.ts";
import { type DocumentText, documentTextSchema } from "./document-text.ts";

const defaultPath = fileURLToPath(
  new URL("../../../content/th/document-text.json", import.meta.url),
);

export function loadDocumentText(path: string = defaultPath): DocumentText {
  return parseWith(documentTextSchema, JSON.parse(readFileSync(path, "utf8")), "INPUT_INVALID", {
    th: "ไฟล์ข้อความของเอกสารไม่ถูกต้อง",
    en: `invalid document text ${path}`,
  });
}
