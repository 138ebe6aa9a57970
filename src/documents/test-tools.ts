import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { unzipSync } from "fflate";

// Helpers for tests that check documents with the real tools a reader would use
// (LibreOffice, poppler). A missing tool is an error, never a reason to skip.

const INSTALL_HINTS: Record<string, string> = {
  soffice: "apt-get install libreoffice-writer (LibreOffice)",
  pdftotext: "apt-get install poppler-utils",
};

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** Runs a program; a missing program fails with the Debian package that provides it. */
export function runTool(
  command: string,
  args: string[],
  options: { timeoutMs?: number; cwd?: string } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 64 * 1024 * 1024,
        cwd: options.cwd,
        encoding: "utf8",
      },
      (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === "ENOENT") {
          const hint = INSTALL_HINTS[command] ?? `install ${command}`;
          reject(
            new Error(`ไม่พบโปรแกรม ${command} / ${command} is not installed: ${hint}`, {
              cause: error,
            }),
          );
        } else if (error) {
          reject(new Error(`${command} failed: ${error.message}\n${stderr}`, { cause: error }));
        } else {
          resolve({ stdout, stderr });
        }
      },
    );
  });
}

/** Gives a callback a fresh temporary folder and removes it afterwards. */
export async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "prongsai-test-"));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The text of a PDF as `pdftotext` sees it: `-layout` (default) keeps columns on their lines,
 * `layout: false` is its guessed reading order, `raw` the drawing order (each table cell whole).
 */
export function pdfToText(
  pdf: Uint8Array,
  options: { layout?: boolean; raw?: boolean } = {},
): Promise<string> {
  return withTempDir(async (dir) => {
    const input = join(dir, "document.pdf");
    await writeFile(input, pdf);
    const mode = options.raw ? ["-raw"] : options.layout === false ? [] : ["-layout"];
    return (await runTool("pdftotext", [...mode, "-enc", "UTF-8", input, "-"])).stdout;
  });
}

/**
 * Converts a file with headless LibreOffice, e.g. `target` "txt:Text" or "pdf". Each call has its
 * own throwaway profile, so conversions may run in parallel.
 */
export function convertWithSoffice(
  input: Uint8Array,
  fileName: string,
  target: string,
): Promise<Buffer> {
  return withTempDir(async (dir) => {
    const source = join(dir, fileName);
    const outDir = join(dir, "out");
    await writeFile(source, input);
    const profile = pathToFileURL(join(dir, "profile")).href;
    await runTool("soffice", [
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      target,
      "--outdir",
      outDir,
      source,
    ]);
    const produced = await readdir(outDir).catch(() => []);
    const first = produced[0];
    if (!first) throw new Error(`soffice produced nothing converting ${fileName} to ${target}`);
    return readFile(join(outDir, first));
  });
}

/** The plain text LibreOffice reads from a DOCX file. */
export async function docxToText(docx: Uint8Array): Promise<string> {
  return (await convertWithSoffice(docx, "document.docx", "txt:Text")).toString("utf8");
}

/** The names of the files in a ZIP archive (DOCX, XLSX…). */
export function listZipEntries(zip: Uint8Array): string[] {
  return Object.keys(unzipSync(zip));
}

/** Reads one file out of a ZIP archive. */
export function readZipEntry(zip: Uint8Array, path: string): Buffer {
  const file = unzipSync(zip, { filter: (entry) => entry.name === path })[path];
  if (!file) throw new Error(`${path} is not in the archive`);
  return Buffer.from(file);
}
