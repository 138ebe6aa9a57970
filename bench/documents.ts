import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { SingleBar } from "cli-progress";
import { parse } from "yaml";
import { createDocumentPool } from "../src/documents/bulk/document-pool.ts";
import { renderDocx } from "../src/documents/docx/render-docx.ts";
import { loadDocumentDeps } from "../src/documents/measures/load-document-deps.ts";
import { prepareMeasuresDocument } from "../src/documents/measures/prepare-measures-document.ts";
import { createPdfRenderer } from "../src/documents/pdf/render-pdf.ts";
import { median } from "./bench-tools.ts";
import { seededRandom, syntheticAgencyYear } from "./synthetic-agencies.ts";

// Prints progress on stderr and, as its last line on stdout, one JSON object of figures.
const runs = Number(process.env.BENCH_RUNS ?? 25);
const bulk = Number(process.env.BENCH_BULK ?? 1000);

async function timeEach(
  n: number,
  warmup: number,
  work: () => Promise<unknown>,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times;
}

const deps = loadDocumentDeps();
const example = parse(
  readFileSync(new URL("../examples/huai-sak-2566.yaml", import.meta.url), "utf8"),
);
// Every timed render is a different document (the example, then synthetic agencies), so no
// cache can flatter the figures.
const sample = seededRandom(2565);
const models = [
  prepareMeasuresDocument(example, deps, "thai").model,
  ...Array.from(
    { length: runs + 3 },
    (_, i) =>
      prepareMeasuresDocument(syntheticAgencyYear(10_000 + i, deps.content, sample), deps, "thai")
        .model,
  ),
];
let next = 0;
const nextModel = () => models[next++ % models.length] as (typeof models)[number];

const docxTimes = await timeEach(runs, 3, () => renderDocx(nextModel()));
const pdf = await createPdfRenderer();
next = 0;
const pdfTimes = await timeEach(runs, 2, () => pdf.render(nextModel()));
await pdf.close();

// Bulk: the whole path per agency — validate, analyse, build, render the DOCX in a worker thread
// (one per core), write the file — timed after each worker has built one document.
const dir = await mkdtemp(join(tmpdir(), "prongsai-bench-"));
const random = seededRandom(2566);
const pool = createDocumentPool();
const build = (i: number) =>
  pool.render({
    raw: syntheticAgencyYear(i, deps.content, random),
    digits: "thai",
    formats: ["docx"],
    wantModel: false,
  });
await Promise.all(Array.from({ length: availableParallelism() }, (_, i) => build(bulk + i)));
const bar = new SingleBar({
  format: "DOCX {bar} {value}/{total} ({eta}s)",
  stream: process.stderr,
  // CI logs are not terminals: still print progress, every few seconds.
  noTTYOutput: true,
  notTTYSchedule: 5000,
});
bar.start(bulk, 0);
const bulkStart = performance.now();
let started = 0;
// Two documents in flight per worker keep every core busy while files are written.
const lane = async () => {
  while (started < bulk) {
    const i = started++;
    const { files } = await build(i);
    await writeFile(join(dir, `agency-${i + 1}.docx`), files.docx ?? new Uint8Array());
    bar.increment();
  }
};
await Promise.all(Array.from({ length: availableParallelism() * 2 }, lane));
const bulkSeconds = (performance.now() - bulkStart) / 1000;
bar.stop();
await pool.close();
await rm(dir, { recursive: true, force: true });

const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;
process.stdout.write(
  `${JSON.stringify({
    docx_ms: round(median(docxTimes)),
    pdf_ms: round(median(pdfTimes)),
    bulk_docs_per_s: round(bulk / bulkSeconds),
    runs,
    bulk,
    workers: availableParallelism(),
  })}\n`,
);
