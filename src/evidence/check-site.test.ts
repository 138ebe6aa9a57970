import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPdfRenderer, type PdfRenderer } from "../documents/pdf/render-pdf.ts";
import { loadOitEvidenceKeywords } from "../domain/content/oit-evidence-keywords.ts";
import { DomainError } from "../domain/errors.ts";
import { getFramework, loadFrameworks } from "../domain/framework/load-frameworks.ts";
import { oitItems } from "../domain/framework/lookup.ts";
import { type CheckProgress, checkSite, type SiteCheckResult } from "./check-site.ts";
import { fixturePdf } from "./test-documents.ts";
import { buildMunicipality, type ItemVariant, withOrigin } from "./test-municipality.ts";
import { type FixtureSite, startFixtureSite } from "./test-site.ts";

const framework = getFramework("ita-2566", loadFrameworks());
const keywords = loadOitEvidenceKeywords();
const fixedNow = () => new Date("2023-06-01T03:00:00Z");

const variants: Record<string, ItemVariant> = {
  O11: "pdf",
  O13: "docx",
  O19: "old",
  O20: "broken",
  O21: "orphan",
  O22: "missing",
  O25: "missing",
  O27: "unlinked",
  O36: "empty-file",
  O37: "corrupt-docx",
  O43: "missing",
};

let renderer: PdfRenderer;
let site: FixtureSite;
let result: SiteCheckResult;
const progress: CheckProgress[] = [];

beforeAll(async () => {
  renderer = await createPdfRenderer();
  const routes = await buildMunicipality({
    framework,
    variants,
    pdf: (title, lines) => fixturePdf(renderer, title, lines),
  });
  // A spreadsheet linked with a generic text: the crawl does not open it, the evidence names it.
  const index = routes["/ita/"];
  if (index) index.body = `${index.body}<a href="/files/hr-rules.xlsx">ดาวน์โหลด</a>`;
  routes["/files/hr-rules.xlsx"] = { type: "application/vnd.ms-excel", body: "xlsx" };
  site = await startFixtureSite(routes);
  withOrigin(routes, site.url);
  result = await checkSite({
    site: site.url,
    framework,
    keywords,
    allowPrivate: true,
    evidence: {
      o27: [`${site.url}ita/complaint-guideline.html`],
      O42: [`${site.url}ita/internal-measures.html`],
      O43: [`${site.url}ita/internal-measures-actions-report.html`],
      O25: [`${site.url}files/hr-rules.xlsx`],
    },
    onProgress: (p) => progress.push(p),
    now: fixedNow,
  });
}, 120_000);

afterAll(async () => {
  await site?.close();
  await renderer?.close();
});

function finding(id: string) {
  const found = result.items.find((item) => item.id === id);
  if (!found) throw new Error(`no finding for ${id}`);
  return found;
}

describe("checkSite on a municipality's site", () => {
  it("reports every OIT item of the framework, in order, with Thai and English reasons", () => {
    expect(result.framework).toBe("ita-2566");
    expect(result.items.map((item) => item.id)).toEqual(oitItems(framework).map((i) => i.id));
    for (const item of result.items) {
      expect(item.reason).toMatch(/[\u0E00-\u0E7F]/);
      expect(item.reasonEn).toMatch(/[a-z]/);
    }
  });

  it("passes linked pages naming the right fiscal year, and files whose text alone names it", () => {
    expect(finding("O1")).toMatchObject({ status: "pass", url: `${site.url}ita/structure.html` });
    expect(finding("O4")).toMatchObject({ status: "pass", year: 2566 });
    expect(finding("O11")).toMatchObject({
      status: "pass",
      url: `${site.url}files/operating-plan.pdf`,
      year: 2566,
    });
    // An annual report describes the year before: 2565 for the 2566 assessment.
    expect(finding("O13")).toMatchObject({
      status: "pass",
      url: `${site.url}files/annual-performance-report.docx`,
      year: 2565,
    });
    const passed = result.items.filter((item) => item.status === "pass").map((item) => item.id);
    expect(passed).toHaveLength(43 - Object.keys(variants).length + 3);
  });

  it("finds an earlier year outdated", () => {
    expect(finding("O19")).toMatchObject({ status: "outdated", year: 2565 });
    expect(finding("O19").reason).toContain("2565");
  });

  it("finds dead links, empty and damaged files broken", () => {
    expect(finding("O20")).toMatchObject({
      status: "broken",
      url: `${site.url}ita/procurement-announcements-gone.html`,
    });
    expect(finding("O20").reason).toContain("404");
    expect(finding("O36")).toMatchObject({ status: "broken" });
    expect(finding("O36").reasonEn).toContain("empty");
    expect(finding("O37")).toMatchObject({ status: "broken" });
    expect(finding("O37").reasonEn).toContain("DOCX");
  });

  it("finds a page listed only in the sitemap an orphan, and reports what is missing", () => {
    expect(finding("O21")).toMatchObject({
      status: "orphan",
      url: `${site.url}ita/procurement-monthly-summary.html`,
    });
    expect(finding("O22")).toMatchObject({ status: "missing", url: null });
  });

  it("checks the evidence URLs given: unlinked is orphan, linked passes, dead is broken", () => {
    expect(finding("O27")).toMatchObject({
      status: "orphan",
      url: `${site.url}ita/complaint-guideline.html`,
    });
    expect(finding("O42")).toMatchObject({ status: "pass" });
    expect(finding("O43")).toMatchObject({ status: "broken" });
    expect(finding("O25")).toMatchObject({ status: "pass", url: `${site.url}files/hr-rules.xlsx` });
  });

  it("respects robots.txt and archives what it saw", () => {
    expect(site.hits).not.toContain("/admin/secret.html");
    const plan = result.archive.find((r) => r.url === `${site.url}files/operating-plan.pdf`);
    expect(plan).toMatchObject({ httpStatus: 200, contentType: "application/pdf", error: null });
    expect(plan?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(plan?.text).toContain("๒๕๖๖");
    expect(plan?.fetchedAt).toBe("2023-06-01T03:00:00.000Z");
    const gone = result.archive.find((r) => r.url.endsWith("procurement-announcements-gone.html"));
    expect(gone).toMatchObject({ httpStatus: 404, sha256: null });
    expect(result.stats.pages).toBe(result.archive.length);
    expect(result.stats.bytes).toBeGreaterThan(0);
  });

  it("reports progress through crawl, evidence and decision", () => {
    expect(new Set(progress.map((p) => p.phase))).toEqual(new Set(["crawl", "evidence", "decide"]));
    expect(progress.at(-1)).toEqual({ phase: "decide", done: 43, total: 43 });
  });
});

describe("checkSite guards", () => {
  it("refuses a local site unless private addresses are allowed", async () => {
    const refused = await checkSite({ site: site.url, framework, keywords, now: fixedNow });
    expect(refused.items.every((item) => item.status === "missing")).toBe(true);
    expect(refused.archive[0]?.error).toContain("refused");
    expect(refused.items[0]?.reason).toContain("เปิดหน้าแรก");
    expect(refused.items[0]?.reasonEn).toContain("refused to connect");
  });

  it("says so when the keyword content lacks an item's topic", async () => {
    const { structure: _dropped, ...fewer } = keywords;
    const checked = await checkSite({
      site: site.url,
      framework,
      keywords: fewer,
      allowPrivate: true,
      limits: { maxPages: 3 },
      now: fixedNow,
    });
    expect(checked.items[0]).toMatchObject({ id: "O1", status: "missing", url: null });
    expect(checked.items[0]?.reasonEn).toContain("no keywords for topic structure");
  });

  it("lists every problem of the evidence given, in Thai and English", async () => {
    let error: unknown;
    try {
      await checkSite({
        site: site.url,
        framework,
        keywords,
        allowPrivate: true,
        evidence: { O99: ["https://a.go.th/"], O1: ["ftp://a.go.th/x", "not a url"] },
        now: fixedNow,
      });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).details.map((d) => d.path)).toEqual(["O99", "O1.0", "O1.1"]);
  });

  it("stops when cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    const cancelled = await checkSite({
      site: site.url,
      framework,
      keywords,
      allowPrivate: true,
      signal: controller.signal,
      now: fixedNow,
    });
    expect(cancelled.stats.pages).toBeLessThanOrEqual(1);
  });
});
