import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { DomainError } from "../domain/errors.ts";

/** Reads a YAML or JSON file (JSON is valid YAML) into plain data, with clear errors. */
export async function readInputFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    throw new DomainError("INPUT_NOT_FOUND", `cannot read ${path}`, {
      userMessage: `อ่านไฟล์ ${path} ไม่ได้ ตรวจสอบชื่อและที่อยู่ของไฟล์`,
      details: [{ path, th: "ไม่พบไฟล์หรือไม่มีสิทธิ์อ่าน", en: "file missing or unreadable" }],
      cause,
    });
  }
  try {
    return parse(text, { prettyErrors: true, uniqueKeys: true });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new DomainError("INPUT_INVALID", `${path} is not valid YAML or JSON: ${reason}`, {
      userMessage: `ไฟล์ ${path} ไม่ใช่ YAML หรือ JSON ที่ถูกต้อง`,
      details: [{ path, th: `รูปแบบไฟล์ผิด: ${reason}`, en: reason }],
      cause,
    });
  }
}
