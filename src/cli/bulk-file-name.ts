import { documentFileStems } from "../shared/document.ts";

// Characters no common file system accepts in a name, and controls; whitespace becomes a dash too.
const unsafe = /[\\/:*?"<>|\p{Cc}\p{Cf}\s]+/gu;
const graphemes = new Intl.Segmenter("th", { granularity: "grapheme" });
/** Bytes of the agency's name, so the whole file name (and its temporary twin) stays under 255. */
const maxNameBytes = 150;

/** มาตรการ-<agency name>-<fiscal year>-<agency id>.docx: readable in Thai, unique by the id. */
export function bulkDocumentFileName(
  agencyName: string,
  fiscalYear: number,
  agencyId: string,
): string {
  const cleaned = agencyName.normalize("NFC").replace(unsafe, "-").replace(/-+/g, "-");
  let name = "";
  for (const { segment } of graphemes.segment(cleaned)) {
    if (Buffer.byteLength(name + segment) > maxNameBytes) break;
    name += segment;
  }
  name = name.replace(/^[-.]+|[-.]+$/g, "");
  const parts = [documentFileStems.measures.th, name, String(fiscalYear), agencyId];
  return `${parts.filter((p) => p !== "").join("-")}.docx`;
}
