import { performance } from "node:perf_hooks";
import type { OitEvidenceKeywords } from "../domain/content/oit-evidence-keywords.ts";
import { oitItems } from "../domain/framework/lookup.ts";
import type { Framework } from "../domain/framework/schema.ts";
import {
  type CrawledResource,
  type CrawlLimits,
  crawlSite,
  DEFAULT_CRAWL_LIMITS,
} from "./crawl.ts";
import { type Candidate, decideItem } from "./decide-status.ts";
import { checkEvidence, checkSiteUrl } from "./evidence-file.ts";
import { warmPdfReader } from "./extract-pdf.ts";
import { fiscalYearsInText, yearsInLabel } from "./fiscal-year.ts";
import { createGuardedFetcher, type ResolveHost } from "./guarded-fetch.ts";
import { createTopicMatcher, fileLabel, type TopicMatcher } from "./match-item.ts";
import type { ArchivedResource, CheckProgress, ItemFinding } from "./types.ts";

// The OIT website check of one agency: crawl, then one finding per item of the framework.

export type { CrawlLimits } from "./crawl.ts";
export type { ArchivedResource, CheckProgress, EvidenceStatus, ItemFinding } from "./types.ts";

export interface CheckSiteOptions {
  site: string;
  framework: Framework;
  keywords: OitEvidenceKeywords;
  /** Item id → URLs the agency gives as its evidence. */
  evidence?: Record<string, string[]>;
  /** Allows private and loopback addresses: local sites and tests only. */
  allowPrivate?: boolean;
  /** Exact non-public addresses allowed while every other one stays refused (tests). */
  allowAddresses?: readonly string[];
  /** Replaces DNS resolution (tests); the resolved addresses are still checked. */
  resolveHost?: ResolveHost;
  limits?: Partial<CrawlLimits>;
  onProgress?: (progress: CheckProgress) => void;
  signal?: AbortSignal;
  now: () => Date;
}

export interface SiteCheckResult {
  site: string;
  framework: string;
  items: ItemFinding[];
  archive: ArchivedResource[];
  stats: { pages: number; bytes: number; ms: number };
}

// A page's own name: its title and first headings. Later headings list other things.
const OWN_HEADINGS = 2;

function labelsOf(resource: CrawledResource, incoming: Map<string, string[]>): string[] {
  return [
    ...(incoming.get(resource.url) ?? []),
    ...(resource.finalUrl !== resource.url ? (incoming.get(resource.finalUrl) ?? []) : []),
    resource.title,
    ...resource.headings.slice(0, OWN_HEADINGS),
    fileLabel(resource.url),
    fileLabel(resource.finalUrl),
  ].filter((label) => label.trim() !== "");
}

function yearsOf(labels: string[], text: string): number[] {
  const years = new Set(labels.flatMap(yearsInLabel));
  for (const year of fiscalYearsInText(text)) years.add(year);
  return [...years];
}

function bestScore(matcher: TopicMatcher, topic: string, labels: string[]): number {
  return Math.max(0, ...labels.map((label) => matcher.score(topic, label)));
}

function toCandidate(
  resource: CrawledResource,
  labels: string[],
  score: number,
  incoming: Map<string, string[]>,
): Candidate {
  // Found by the crawl, or linked from a page it reached (a file type it does not open itself).
  const linked = incoming.has(resource.url) || incoming.has(resource.finalUrl);
  return {
    url: resource.problem ? resource.url : resource.finalUrl,
    origin: resource.foundBy,
    reachable: resource.foundBy === "crawl" || linked,
    outcome: resource.problem ? "broken" : "ok",
    ...(resource.problem ? { problem: resource.problem } : {}),
    years: yearsOf(labels, resource.text),
    score,
    depth: resource.depth,
  };
}

function archived(resource: CrawledResource): ArchivedResource {
  return {
    url: resource.url,
    finalUrl: resource.finalUrl,
    httpStatus: resource.httpStatus,
    contentType: resource.contentType,
    sha256: resource.sha256,
    text: resource.text,
    fetchedAt: resource.fetchedAt,
    error: resource.problem ? `${resource.problem.th} / ${resource.problem.en}` : null,
  };
}

/** Checks an agency's web site against every OIT item of the framework. */
export async function checkSite(options: CheckSiteOptions): Promise<SiteCheckResult> {
  const started = performance.now();
  const { framework } = options;
  const site = checkSiteUrl(options.site);
  const evidence = checkEvidence(options.evidence ?? {}, framework);
  const limits: CrawlLimits = { ...DEFAULT_CRAWL_LIMITS, ...options.limits };
  const matcher = createTopicMatcher(options.keywords);
  const items = oitItems(framework);
  const topics = [...new Set(items.map((item) => item.topic))];
  const fetcher = createGuardedFetcher({
    allowPrivate: options.allowPrivate ?? false,
    ...(options.allowAddresses ? { allowAddresses: options.allowAddresses } : {}),
    ...(options.resolveHost ? { resolveHost: options.resolveHost } : {}),
    connections: limits.concurrency,
    limits: {
      maxBytes: limits.maxResourceBytes,
      timeoutMs: limits.timeoutMs,
      connectTimeoutMs: limits.connectTimeoutMs,
      maxRedirects: limits.maxRedirects,
    },
  });
  const evidenceUrls = [...new Set(Object.values(evidence).flat())];
  warmPdfReader();
  let crawl: Awaited<ReturnType<typeof crawlSite>>;
  try {
    crawl = await crawlSite({
      fetcher,
      site,
      limits,
      wanted: (link) => topics.some((t) => matcher.score(t, link.text) > 0),
      evidenceUrls,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      now: options.now,
    });
  } finally {
    await fetcher.close();
  }

  const byTopic = new Map<string, Candidate[]>(topics.map((t) => [t, []]));
  for (const resource of crawl.resources.values()) {
    const labels = labelsOf(resource, crawl.incoming);
    for (const topic of topics) {
      const score = bestScore(matcher, topic, labels);
      if (score > 0) byTopic.get(topic)?.push(toCandidate(resource, labels, score, crawl.incoming));
    }
  }
  for (const link of crawl.external) {
    const labels = [link.text, fileLabel(link.url)];
    for (const topic of topics) {
      const score = bestScore(matcher, topic, labels);
      if (score > 0)
        byTopic.get(topic)?.push({
          url: link.url,
          origin: "external-link",
          reachable: true,
          outcome: "external",
          years: yearsOf(labels, ""),
          score,
          depth: null,
        });
    }
  }

  const home = crawl.resources.get(site);
  const byFinalUrl = new Map([...crawl.resources.values()].map((r) => [r.finalUrl, r]));
  const findings: ItemFinding[] = [];
  for (const [index, item] of items.entries()) {
    const candidates = [...(byTopic.get(item.topic) ?? [])];
    for (const url of evidence[item.id] ?? []) {
      const resource = crawl.resources.get(url) ?? byFinalUrl.get(url);
      if (!resource) {
        candidates.push(notChecked(url));
        continue;
      }
      const labels = labelsOf(resource, crawl.incoming);
      const score = bestScore(matcher, item.topic, labels);
      const given = toCandidate(resource, labels, score, crawl.incoming);
      candidates.push({ ...given, origin: "evidence" });
    }
    const finding = decideItem(item, framework.fiscalYear, candidates);
    if (home?.problem && finding.url === null) findings.push(homeFailed(finding, home));
    else if (!options.keywords[item.topic] && finding.url === null)
      findings.push(noKeywords(finding, item.topic));
    else findings.push(finding);
    options.onProgress?.({ phase: "decide", done: index + 1, total: items.length });
  }

  return {
    site,
    framework: framework.id,
    items: findings,
    archive: [...crawl.resources.values()].map(archived),
    stats: {
      pages: crawl.resources.size,
      bytes: crawl.bytes,
      ms: Math.round(performance.now() - started),
    },
  };
}

// Nothing was found because nothing could be read: say so instead of blaming the agency's content.
function homeFailed(finding: ItemFinding, home: CrawledResource): ItemFinding {
  const problem = home.problem ?? { th: "", en: "" };
  return {
    ...finding,
    reason: `เปิดหน้าแรก ${home.url} ไม่ได้ (${problem.th}) จึงตรวจข้อนี้ไม่ได้`,
    reasonEn: `the home page ${home.url} could not be opened (${problem.en}), so this item was not checked`,
  };
}

// A framework edited to add a topic the keyword content does not know yet: say why, not "missing".
function noKeywords(finding: ItemFinding, topic: string): ItemFinding {
  return {
    ...finding,
    reason: `ยังไม่มีคำสำคัญของหัวข้อ ${topic} ในไฟล์ oit-evidence-keywords.json จึงค้นหาในเว็บไซต์ไม่ได้ ระบุลิงก์หลักฐานของข้อนี้แทนได้`,
    reasonEn: `no keywords for topic ${topic} in oit-evidence-keywords.json, so the site could not be searched for it; give its evidence URL instead`,
  };
}

function notChecked(url: string): Candidate {
  return {
    url,
    origin: "evidence",
    reachable: false,
    outcome: "broken",
    problem: {
      th: "ไม่ได้เปิดตรวจ เพราะถึงขีดจำกัดจำนวนหน้าหรือขนาดข้อมูลของการตรวจ",
      en: "not opened: the check's page or byte limit was reached",
    },
    years: [],
    score: 0,
    depth: null,
  };
}
