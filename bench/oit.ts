import { createPdfRenderer } from "../src/documents/pdf/render-pdf.ts";
import { loadOitEvidenceKeywords } from "../src/domain/content/oit-evidence-keywords.ts";
import { getFramework, loadFrameworks } from "../src/domain/framework/load-frameworks.ts";
import { oitItems } from "../src/domain/framework/lookup.ts";
import { checkSite } from "../src/evidence/check-site.ts";
import { fixturePdf } from "../src/evidence/test-documents.ts";
import { buildMunicipality, withOrigin } from "../src/evidence/test-municipality.ts";
import { startFixtureSite } from "../src/evidence/test-site.ts";

// One agency's full OIT check on a local fixture site (~200 pages and files: item pages, DOCX
// and PDF files with Thai text, news pages with PDF attachments). Prints medians as the last line.

const RUNS = 5;
const NEWS_PAGES = 60;

const framework = getFramework("ita-2566", loadFrameworks());
const keywords = loadOitEvidenceKeywords();
const renderer = await createPdfRenderer();
const routes = await buildMunicipality({
  framework,
  variants: { O11: "pdf", O13: "docx", O19: "old", O20: "broken", O21: "orphan", O36: "pdf" },
  pdf: (title, lines) => fixturePdf(renderer, title, lines),
  newsPages: NEWS_PAGES,
});
await renderer.close();
const site = await startFixtureSite(routes);
withOrigin(routes, site.url);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

try {
  const ms: number[] = [];
  const pagesPerS: number[] = [];
  const itemsPerS: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const result = await checkSite({
      site: site.url,
      framework,
      keywords,
      allowPrivate: true,
      now: () => new Date(),
    });
    const seconds = result.stats.ms / 1000;
    ms.push(result.stats.ms);
    pagesPerS.push(result.stats.pages / seconds);
    itemsPerS.push(result.items.length / seconds);
    const passed = result.items.filter((item) => item.status === "pass").length;
    process.stdout.write(
      `run ${run + 1}: ${result.stats.pages} pages and files, ${result.stats.bytes} bytes, ` +
        `${result.items.length} items (${passed} pass) in ${result.stats.ms} ms\n`,
    );
    if (result.items.length !== oitItems(framework).length) throw new Error("items missing");
  }
  process.stdout.write(
    `${JSON.stringify({
      pages_per_s: Math.round(median(pagesPerS) * 10) / 10,
      items_per_s: Math.round(median(itemsPerS) * 10) / 10,
      agency_check_ms: median(ms),
    })}\n`,
  );
} finally {
  await site.close();
}
