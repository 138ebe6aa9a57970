import { createReadStream, existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { DomainError } from "../../domain/errors.ts";
import { importOitItems } from "../../domain/framework/import-oit-items.ts";
import {
  frameworksDir,
  getFramework,
  loadFrameworks,
} from "../../domain/framework/load-frameworks.ts";
import { type OitItemsInput, readOitItemsJson } from "../../domain/framework/oit-items-input.ts";
import { describeOitItemsSummary } from "../../domain/framework/oit-items-summary.ts";
import { readOitItemsSheet } from "../../server/imports/read-oit-items.ts";
import { formatJson } from "../format-json.ts";
import { readInputFile } from "../read-input.ts";

export interface OitItemsImportOptions {
  base: string;
  id: string;
  fiscalYear: string;
  out?: string;
  dryRun?: boolean;
}

/** Reads the list, checks it against the base framework, prints what changed and writes the new framework. */
export async function oitItemsImportCommand(
  file: string,
  options: OitItemsImportOptions,
  out: (line: string) => void,
): Promise<void> {
  const frameworks = loadFrameworks();
  const base = getFramework(options.base, frameworks);
  const fiscalYear = Number(options.fiscalYear);
  const target = options.out ?? join(frameworksDir, `${options.id}.json`);
  const clashes = [
    ...(frameworks.has(options.id)
      ? [{ path: "--id", th: `มีกรอบ ${options.id} อยู่แล้ว`, en: `${options.id} exists already` }]
      : []),
    ...(!options.dryRun && existsSync(target)
      ? [{ path: "--out", th: `มีไฟล์ ${target} อยู่แล้ว`, en: `${target} exists already` }]
      : []),
  ];
  if (clashes.length > 0)
    throw new DomainError("CONFLICT", "the new framework would replace an existing one", {
      userMessage: "กรอบการประเมินใหม่จะทับกรอบหรือไฟล์ที่มีอยู่ ไม่ได้เขียนอะไร",
      details: clashes,
    });
  const input = await readList(file);
  const { framework, summary } = importOitItems(base, input, {
    id: options.id,
    fiscalYear,
    source: basename(file),
  });
  for (const line of describeOitItemsSummary(summary)) out(line);
  if (options.dryRun) {
    out("ตรวจอย่างเดียว ไม่ได้เขียนไฟล์ / Dry run: nothing written");
    return;
  }
  await writeFile(target, formatJson(framework), { flag: "wx" });
  out(`เขียนแล้ว / Written: ${target}`);
}

async function readList(file: string): Promise<OitItemsInput> {
  const extension = extname(file).toLowerCase();
  if (extension !== ".xlsx" && extension !== ".csv")
    return readOitItemsJson(await readInputFile(file));
  if (!existsSync(file))
    throw new DomainError("INPUT_NOT_FOUND", `cannot read ${file}`, {
      userMessage: `อ่านไฟล์ ${file} ไม่ได้ ตรวจสอบชื่อและที่อยู่ของไฟล์`,
      details: [{ path: file, th: "ไม่พบไฟล์หรือไม่มีสิทธิ์อ่าน", en: "file missing or unreadable" }],
    });
  return readOitItemsSheet({ file: createReadStream(file), filename: file, mimetype: "" });
}
