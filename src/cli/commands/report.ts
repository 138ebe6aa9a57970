import { mkdir, writeFile } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { loadDocumentDeps } from "../../documents/measures/load-document-deps.ts";
import { prepareMeasuresDocument } from "../../documents/measures/prepare-measures-document.ts";
import { createPdfRenderer, type PdfRenderer } from "../../documents/pdf/render-pdf.ts";
import { parseFormats, renderDocument } from "../../documents/render-document.ts";
import { DomainError } from "../../domain/errors.ts";
import type { DigitStyle } from "../../domain/thai/numerals.ts";
import { readInputFile } from "../read-input.ts";

export interface ReportCommandOptions {
  out: string;
  format: string;
  digits: string;
}

/** Writes the analysis-and-measures document of FILE in each format; returns the paths. */
export async function reportCommand(
  file: string,
  options: ReportCommandOptions,
): Promise<string[]> {
  const formats = parseFormats(options.format);
  const digits = parseDigits(options.digits);
  const prepared = prepareMeasuresDocument(await readInputFile(file), loadDocumentDeps(), digits);
  await mkdir(options.out, { recursive: true });
  const stem = basename(file, extname(file));
  let pdf: PdfRenderer | undefined;
  try {
    const paths: string[] = [];
    for (const format of formats) {
      const bytes = await renderDocument(prepared.model, format, async () => {
        pdf ??= await createPdfRenderer();
        return pdf;
      });
      const path = resolve(join(options.out, `${stem}.${format}`));
      await writeFile(path, bytes);
      paths.push(path);
    }
    return paths;
  } finally {
    await pdf?.close();
  }
}

export function parseDigits(value: string): DigitStyle {
  if (value === "thai" || value === "arabic") return value;
  throw new DomainError("INPUT_INVALID", `--digits must be thai or arabic, got "${value}"`, {
    userMessage: "--digits ต้องเป็น thai (เลขไทย) หรือ arabic (เลขอารบิก)",
    details: [{ path: "--digits", th: `ได้ "${value}"`, en: `got "${value}"` }],
  });
}
