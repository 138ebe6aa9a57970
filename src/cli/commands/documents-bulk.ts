import { mkdir, rename, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { SingleBar } from "cli-progress";
import { loadContent } from "../../domain/content/load-content.ts";
import { DomainError, type IssueDetail } from "../../domain/errors.ts";
import { loadFrameworks } from "../../domain/framework/load-frameworks.ts";
import {
  type BulkDocumentsReport,
  type BulkProblem,
  generateBulkDocuments,
} from "../../server/services/generate-bulk-documents.ts";
import { loadStoredFrameworks } from "../../server/services/load-stored-frameworks.ts";
import { bulkDocumentFileName } from "../bulk-file-name.ts";
import { withConfiguredDatabase } from "../open-configured-database.ts";

export interface DocumentsBulkOptions {
  fiscalYear: string;
  out?: string;
  concurrency?: string;
}

/**
 * Builds every agency's measures document of a fiscal year from the database, skipping those
 * already built from the current data; a progress bar on stderr, a summary through `out`.
 */
export async function documentsBulkCommand(
  env: Record<string, string | undefined>,
  options: DocumentsBulkOptions,
  out: (line: string) => void,
): Promise<BulkDocumentsReport> {
  const fiscalYear = wholeNumber(options.fiscalYear, "--fiscal-year", 2500, 2700);
  const concurrency =
    options.concurrency === undefined
      ? undefined
      : wholeNumber(options.concurrency, "--concurrency", 1, 64);
  const folder = options.out === undefined ? undefined : resolve(options.out);
  if (folder) await mkdir(folder, { recursive: true });
  // Ctrl-C or a polite kill stops taking agencies; what is stored stays stored.
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const bar = new SingleBar({
    format:
      "เอกสาร / documents {bar} {value}/{total} | {rate}/s | ETA {eta_formatted} | ไม่สำเร็จ / failed {failed}",
    stream: process.stderr,
    noTTYOutput: true,
    notTTYSchedule: 5000,
    etaBuffer: 50,
  });
  const started = Date.now();
  try {
    return await withConfiguredDatabase(env, async ({ db }) => {
      const frameworks = loadFrameworks();
      for (const framework of await loadStoredFrameworks(db))
        if (!frameworks.has(framework.id)) frameworks.set(framework.id, framework);
      let begun = false;
      const report = await generateBulkDocuments({
        db,
        frameworks,
        content: loadContent(),
        fiscalYear,
        ...(concurrency ? { concurrency } : {}),
        signal: controller.signal,
        onProgress: (p) => {
          const seconds = (Date.now() - started) / 1000;
          const payload = {
            failed: p.failed,
            rate: seconds > 0 ? (p.done / seconds).toFixed(1) : "0",
          };
          if (!begun) bar.start(p.total, p.done, payload);
          else bar.update(p.done, payload);
          begun = true;
        },
        ...(folder
          ? {
              onDocument: async (d) => {
                const path = join(
                  folder,
                  bulkDocumentFileName(d.agencyName, d.fiscalYear, d.agencyId),
                );
                // Written whole then renamed, so a killed run never leaves half a file.
                await writeFile(`${path}.part`, d.docx);
                await rename(`${path}.part`, path);
              },
            }
          : {}),
      });
      bar.stop();
      summarise(report, folder, out);
      return report;
    });
  } finally {
    bar.stop();
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
}

function summarise(
  report: BulkDocumentsReport,
  folder: string | undefined,
  out: (line: string) => void,
) {
  out(`ปีงบประมาณ / fiscal year ${report.fiscalYear}: ${report.total} หน่วยงาน / agencies`);
  out(`  สร้างใหม่ / built: ${report.built}`);
  out(`  มีฉบับล่าสุดแล้ว ข้าม / skipped, already built from the current data: ${report.skipped}`);
  out(`  ข้อมูลยังไม่ครบ / incomplete data: ${report.incomplete}`);
  out(`  ไม่สำเร็จ / failed: ${report.failed}`);
  if (folder) out(`  ไฟล์ DOCX อยู่ที่ / DOCX files in: ${folder}`);
  if (report.stopped)
    out(
      `  หยุดก่อนครบ ${report.total - report.done} หน่วยงาน สั่งใหม่เพื่อทำต่อ / stopped with ${report.total - report.done} agencies left: run again to resume`,
    );
}

/** One line per agency and one per problem, Thai first, for stderr. */
export function describeProblems(title: string, problems: BulkProblem[]): string[] {
  if (problems.length === 0) return [];
  const detail = (d: IssueDetail) => `      - ${d.path}: ${d.th} / ${d.en}`;
  return [
    title,
    ...problems.flatMap((p) => [
      // With details, the English message only repeats them.
      `  • ${p.agencyName} (${p.agencyId}): ${p.details.length > 0 ? p.th : `${p.th} / ${p.en}`}`,
      ...p.details.map(detail),
    ]),
  ];
}

function wholeNumber(value: string, option: string, min: number, max: number): number {
  const n = Number(value);
  if (/^\d+$/.test(value) && n >= min && n <= max) return n;
  throw new DomainError(
    "INPUT_INVALID",
    `${option} ${value} is not a whole number from ${min} to ${max}`,
    {
      userMessage: `ค่า ${option} ไม่ถูกต้อง`,
      details: [
        {
          path: option,
          th: `ต้องเป็นจำนวนเต็มตั้งแต่ ${min} ถึง ${max} (ได้รับ "${value}")`,
          en: `must be a whole number from ${min} to ${max} (got "${value}")`,
        },
      ],
    },
  );
}
