import { createHash } from "node:crypto";
import { extractDocx } from "./extract-docx.ts";
import { decodeHtml, extractHtml, type PageLink } from "./extract-html.ts";
import { extractPdf } from "./extract-pdf.ts";

// What a fetched body says: its kind, text, title, headings and links, or why it cannot be read.

export type ResourceKind = "html" | "pdf" | "docx" | "other";

export interface Extracted {
  kind: ResourceKind;
  sha256: string;
  text: string;
  title: string;
  headings: string[];
  links: PageLink[];
  unreadable: { th: string; en: string } | null;
}

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The kind from the Content-Type, or from the file extension when the server says little. */
export function kindOf(contentType: string | null, url: string): ResourceKind {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "text/html" || type === "application/xhtml+xml") return "html";
  if (type === "application/pdf") return "pdf";
  if (type === DOCX_TYPE) return "docx";
  const path = safePath(url);
  if (/\.pdf$/.test(path)) return "pdf";
  if (/\.docx$/.test(path)) return "docx";
  if (type === "" || type === "application/octet-stream")
    return /\.(html?|php|aspx?|jsp)$|\/$|\/[^.]*$/.test(path) ? "html" : "other";
  return "other";
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname.toLowerCase();
  } catch {
    return "";
  }
}

const MAX_TEXT = 200_000;
const NUL = String.fromCharCode(0);

// PDF glyphs without a character come out as NUL, which no database text column accepts.
function clean(text: string): string {
  return text.replaceAll(NUL, "").slice(0, MAX_TEXT);
}

export async function extractResource(
  body: Buffer,
  contentType: string | null,
  url: string,
): Promise<Extracted> {
  const kind = kindOf(contentType, url);
  const sha256 = createHash("sha256").update(body).digest("hex");
  const base = { kind, sha256, text: "", title: "", headings: [], links: [], unreadable: null };
  if (body.length === 0)
    return { ...base, unreadable: { th: "ไฟล์ว่างเปล่า", en: "the file is empty" } };
  try {
    if (kind === "html") {
      const page = extractHtml(decodeHtml(body, contentType), url);
      return { ...base, ...page, text: clean(page.text) };
    }
    if (kind === "pdf") return { ...base, text: clean(await extractPdf(body)) };
    if (kind === "docx") return { ...base, text: clean(await extractDocx(body)) };
    return base;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const name = kind === "pdf" ? "PDF" : kind === "docx" ? "DOCX" : "HTML";
    return {
      ...base,
      unreadable: {
        th: `ไฟล์ ${name} เสียหรืออ่านไม่ได้ (${reason})`,
        en: `the ${name} file is damaged or unreadable (${reason})`,
      },
    };
  }
}
