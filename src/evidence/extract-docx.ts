import mammoth from "mammoth";
import { assertZipWithin } from "./zip-limit.ts";

// Inflated size allowed for one DOCX: far above any real agency document.
export const MAX_DOCX_CONTENT_BYTES = 64 * 1024 * 1024;

/** Text of a Word (DOCX) file, after checking it does not inflate past the limit. */
export async function extractDocx(data: Buffer): Promise<string> {
  assertZipWithin(data, MAX_DOCX_CONTENT_BYTES);
  const result = await mammoth.extractRawText({ buffer: data });
  return result.value.normalize("NFC");
}
