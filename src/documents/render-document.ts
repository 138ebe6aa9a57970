import { DomainError } from "../domain/errors.ts";
import { renderDocx } from "./docx/render-docx.ts";
import { renderHtml } from "./html/render-html.ts";
import type { DocumentModel } from "./model.ts";
import type { PdfRenderer } from "./pdf/render-pdf.ts";

export const documentFormats = ["html", "docx", "pdf"] as const;
export type DocumentFormat = (typeof documentFormats)[number];

export function parseFormats(list: string): DocumentFormat[] {
  const asked = list
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const unknown = asked.filter((f) => !(documentFormats as readonly string[]).includes(f));
  if (unknown.length > 0 || asked.length === 0)
    throw new DomainError(
      "INPUT_INVALID",
      `unknown format(s) "${unknown.join(",")}"; use ${documentFormats.join(",")}`,
      {
        userMessage: `รูปแบบเอกสารไม่ถูกต้อง ใช้ได้: ${documentFormats.join(", ")}`,
        details: [
          {
            path: "--format",
            th: `ไม่รู้จัก: ${unknown.join(", ") || "(ว่าง)"}`,
            en: `unknown: ${unknown.join(", ") || "(empty)"}`,
          },
        ],
      },
    );
  return [...new Set(asked)] as DocumentFormat[];
}

/** One model, three renderers; the PDF renderer (a warm browser) is supplied by the caller. */
export async function renderDocument(
  model: DocumentModel,
  format: DocumentFormat,
  pdf: () => Promise<PdfRenderer>,
): Promise<Buffer> {
  if (format === "html") return Buffer.from(renderHtml(model), "utf8");
  if (format === "docx") return renderDocx(model);
  return (await pdf()).render(model);
}
