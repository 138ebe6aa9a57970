import { Readable } from "node:stream";
import { DomainError } from "../../domain/errors.ts";
import { MAX_UPLOAD_BYTES } from "../../shared/limits.ts";
import { readCsvRows } from "./read-csv-rows.ts";
import { readXlsxRows } from "./read-xlsx-rows.ts";
import type { SheetRow } from "./sheet-row.ts";

/** An uploaded file as @fastify/multipart streams it; `truncated` is set when it passed the limit. */
export interface Upload {
  file: Readable & { truncated?: boolean };
  filename: string;
  mimetype: string;
}

export type SheetKind = "xlsx" | "csv";

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function sheetKindOf(filename: string, mimetype: string): SheetKind | null {
  const name = filename.toLowerCase();
  if (name.endsWith(".xlsx")) return "xlsx";
  if (name.endsWith(".csv")) return "csv";
  if (mimetype === xlsxType) return "xlsx";
  if (mimetype === "text/csv") return "csv";
  return null;
}

/** The rows of an uploaded XLSX (first worksheet) or CSV, streamed; unreadable files are a 400, too large a 413. */
export async function* readSheetRows(upload: Upload): AsyncGenerator<SheetRow> {
  const { file } = upload;
  // A stream error after we stopped listening must not bring the process down.
  file.on("error", () => {});
  try {
    const kind = sheetKindOf(upload.filename, upload.mimetype);
    if (!kind) throw fileProblem("ไฟล์ต้องเป็น .xlsx หรือ .csv", "the file must be .xlsx or .csv");
    if (kind === "csv") yield* guarded(file, [file], readCsvRows(file), kind);
    else {
      const source = await zipChecked(file).catch((error: unknown) => {
        throw error instanceof DomainError ? error : unreadable(kind, error);
      });
      yield* guarded(file, [file, source], readXlsxRows(source), kind);
    }
  } finally {
    if (!file.readableEnded) file.destroy();
  }
}

// The zip reader waits forever on a source that fails or ends early, so every wait also races the
// source's failure; its errors become a Thai and English 400 naming the file.
async function* guarded(
  file: Upload["file"],
  streams: Readable[],
  rows: AsyncGenerator<SheetRow>,
  kind: SheetKind,
): AsyncGenerator<SheetRow> {
  let fail: (error: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => {});
  file.on("limit", () => fail(tooLarge()));
  for (const stream of streams) stream.on("error", (error) => fail(error));
  try {
    for (;;) {
      const next = await Promise.race([rows.next(), failed]);
      if (next.done) break;
      yield next.value;
    }
  } catch (error) {
    if (file.truncated || error instanceof DomainError) throw file.truncated ? tooLarge() : error;
    throw unreadable(kind, error);
  }
  if (file.truncated) throw tooLarge();
}

function unreadable(kind: SheetKind, error: unknown): DomainError {
  const reason = error instanceof Error ? error.message : String(error);
  return kind === "xlsx"
    ? fileProblem(
        `อ่านไฟล์ XLSX ไม่ได้ ตรวจว่าเป็นไฟล์ Excel (.xlsx) ที่ไม่เสียหาย (${reason})`,
        `cannot read the file as XLSX: ${reason}`,
      )
    : fileProblem(
        `อ่านไฟล์ CSV ไม่ได้ ตรวจเครื่องหมายคำพูดและตัวคั่น (${reason})`,
        `cannot read the file as CSV: ${reason}`,
      );
}

const zipSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Refuses what is not a zip (an old .xls, an empty file) before the zip reader sees it. */
async function zipChecked(file: Readable): Promise<Readable> {
  const iterator: AsyncIterator<Buffer> = file[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  while (size < zipSignature.length) {
    const next = await iterator.next();
    if (next.done) break;
    chunks.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(chunks);
  if (!head.subarray(0, zipSignature.length).equals(zipSignature))
    throw fileProblem(
      "ไฟล์นี้ไม่ใช่ .xlsx กรุณาบันทึกเป็น Excel Workbook (.xlsx) หรือ CSV UTF-8",
      "this is not an .xlsx file: save it as an Excel Workbook (.xlsx) or CSV UTF-8",
    );
  async function* rest(): AsyncGenerator<Buffer> {
    yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return Readable.from(rest(), { objectMode: false });
}

function fileProblem(th: string, en: string): DomainError {
  return new DomainError("INPUT_INVALID", en, {
    userMessage: `อ่านไฟล์ที่ส่งมาไม่ได้: ${th}`,
    details: [{ path: "file", th, en }],
  });
}

function tooLarge(): DomainError {
  const mb = MAX_UPLOAD_BYTES / 1024 / 1024;
  return new DomainError("TOO_LARGE", `the file is larger than ${mb} MB`, {
    userMessage: `ไฟล์ใหญ่เกิน ${mb} MB กรุณาแบ่งเป็นหลายไฟล์`,
    details: [{ path: "file", th: `ไฟล์ใหญ่เกิน ${mb} MB`, en: `the file is larger than ${mb} MB` }],
  });
}
