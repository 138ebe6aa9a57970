import { mkdir, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename, extname, join, resolve } from "node:path";
import { SingleBar } from "cli-progress";
import { createDocumentPool } from "../../documents/bulk/document-pool.ts";
import type { WorkerFormat } from "../../documents/bulk/protocol.ts";
import { createPdfRenderer, type PdfRenderer } from "../../documents/pdf/render-pdf.ts";
import { parseFormats } from "../../documents/render-document.ts";
import { DomainError } from "../../domain/errors.ts";
import { readInputFile } from "../read-input.ts";
import { parseDigits, type ReportCommandOptions } from "./report.ts";

export interface ReportManyResult {
  written: string[];
  failed: { file: string; error: unknown }[];
}

/** Many agency-year files at once: DOCX and HTML built on every core, PDFs by one warm browser. */
export async function reportManyCommand(
  files: string[],
  options: ReportCommandOptions,
): Promise<ReportManyResult> {
  const formats = parseFormats(options.format);
  const digits = parseDigits(options.digits);
  const stems = files.map((f) => basename(f, extname(f)));
  const clash = stems.find((s, i) => stems.indexOf(s) !== i);
  if (clash)
    throw new DomainError("INPUT_INVALID", `two input files would both write ${clash}.*`, {
      userMessage: `มีไฟล์ต้นทางสองไฟล์ที่จะได้ชื่อเอกสาร ${clash} ซ้ำกัน กรุณาเปลี่ยนชื่อไฟล์`,
    });
  await mkdir(options.out, { recursive: true });
  const inWorker = formats.filter((f): f is WorkerFormat => f !== "pdf");
  const pool = createDocumentPool();
  let pdf: Promise<PdfRenderer> | undefined;
  const bar = new SingleBar({
    format: "เอกสาร / documents {bar} {value}/{total}",
    stream: process.stderr,
    noTTYOutput: true,
    notTTYSchedule: 5000,
  });
  const result: ReportManyResult = { written: [], failed: [] };
  const one = async (file: string, stem: string) => {
    const out = await pool.render({
      raw: await readInputFile(file),
      digits,
      formats: inWorker,
      wantModel: formats.includes("pdf"),
    });
    const bytes: [string, Uint8Array][] = Object.entries(out.files);
    if (out.model) {
      pdf ??= createPdfRenderer();
      bytes.push(["pdf", await (await pdf).render(out.model)]);
    }
    for (const [format, data] of bytes) {
      const path = resolve(join(options.out, `${stem}.${format}`));
      await writeFile(path, data);
      result.written.push(path);
    }
  };
  bar.start(files.length, 0);
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const i = next++;
      const file = files[i] as string;
      // One bad file is reported with its own errors; the others are still written.
      await one(file, stems[i] as string).catch((error: unknown) =>
        result.failed.push({ file, error }),
      );
      bar.increment();
    }
  };
  try {
    await Promise.all(Array.from({ length: availableParallelism() * 2 }, lane));
  } finally {
    bar.stop();
    await pool.close();
    await (await pdf)?.close();
  }
  return result;
}
