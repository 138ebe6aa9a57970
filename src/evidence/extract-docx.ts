import mammoth from "mammoth";

// Text of a Word (DOCX) file.
export async function extractDocx(data: Buffer): Promise<string> {
  const result = await mammoth.extractRawText({ buffer: data });
  return result.value.normalize("NFC");
}
