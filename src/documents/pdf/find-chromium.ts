import { accessSync, constants, statSync } from "node:fs";
import { DomainError } from "../../domain/errors.ts";

/** Where Debian, Ubuntu and Google install the browser. */
export const CHROMIUM_CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
] as const;

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function missing(message: string): DomainError {
  return new DomainError("DEPENDENCY_MISSING", message, {
    userMessage:
      "ไม่พบเบราว์เซอร์ Chromium ที่ใช้สร้างไฟล์ PDF กรุณาติดตั้งแพ็กเกจ chromium ของ Debian (sudo apt-get install chromium)",
  });
}

/** The Chromium to print PDFs with: the explicit path when given, else the usual system paths. */
export function findChromium(explicit?: string): string {
  if (explicit !== undefined && explicit !== "") {
    if (isExecutableFile(explicit)) return explicit;
    throw missing(
      `ไม่พบ Chromium ที่ ${explicit} / Chromium not found at ${explicit}: install Debian's "chromium" package (apt-get install chromium) or give the right path.`,
    );
  }
  const found = CHROMIUM_CANDIDATES.find(isExecutableFile);
  if (found) return found;
  throw missing(
    `ไม่พบ Chromium สำหรับสร้าง PDF (ค้นหาที่ ${CHROMIUM_CANDIDATES.join(", ")}) กรุณาติดตั้งแพ็กเกจ chromium ของ Debian / Chromium not found (looked in ${CHROMIUM_CANDIDATES.join(", ")}): install Debian's "chromium" package (apt-get install chromium).`,
  );
}
