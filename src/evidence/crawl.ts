import { setTimeout as sleep } from "node:timers/promises";
import { type Extracted, extractResource, kindOf } from "./extract.ts";
import type { PageLink } from "./extract-html.ts";
import type { GuardedFetcher } from "./guarded-fetch.ts";
import { loadRobots, type RobotsRules } from "./robots.ts";
import { loadSitemaps } from "./sitemap.ts";
import type { CheckProgress } from "./types.ts";

// Walks the agency's site from its home page (same site, robots.txt, bounded), then opens the
// sitemap's pages no link reached and the evidence URLs given, recording how each was found.

export interface CrawlLimits {
  /** Links followed from the home page (the home page is depth 0). */
  maxDepth: number;
  /** Pages and files fetched, sitemap and evidence included. */
  maxPages: number;
  /** Decoded bytes over the whole check. */
  maxBytes: number;
  /** Decoded bytes of one page or file. */
  maxResourceBytes: number;
  /** Requests in flight at once: polite to small agency servers. */
  concurrency: number;
  timeoutMs: number;
  connectTimeoutMs: number;
  maxRedirects: number;
}

export const DEFAULT_CRAWL_LIMITS: CrawlLimits = {
  maxDepth: 4,
  maxPages: 600,
  maxBytes: 300 * 1024 * 1024,
  maxResourceBytes: 15 * 1024 * 1024,
  concurrency: 4,
  timeoutMs: 20_000,
  connectTimeoutMs: 5_000,
  maxRedirects: 5,
};

export type FoundBy = "crawl" | "sitemap" | "evidence";

export interface CrawledResource extends Omit<Extracted, "sha256"> {
  url: string;
  finalUrl: string;
  httpStatus: number | null;
  contentType: string | null;
  sha256: string | null;
  fetchedAt: string;
  /** Why it gives no usable content: transport failure, HTTP error, robots.txt, unreadable file. */
  problem: { th: string; en: string } | null;
  foundBy: FoundBy;
  depth: number | null;
  bytes: number;
}

export interface CrawlResult {
  /** By requested URL (fragment dropped). */
  resources: Map<string, CrawledResource>;
  /** Link texts pointing at each URL, from pages reached from the home page. */
  incoming: Map<string, string[]>;
  /** Off-site links on pages reached from the home page. */
  external: PageLink[];
  sitemapUrls: Set<string>;
  bytes: number;
}

export interface CrawlOptions {
  fetcher: GuardedFetcher;
  site: string;
  limits: CrawlLimits;
  /** Links worth opening although they do not look like pages or documents (they name an item). */
  wanted: (link: PageLink) => boolean;
  evidenceUrls: string[];
  onProgress?: (progress: CheckProgress) => void;
  signal?: AbortSignal;
  now: () => Date;
}

/** Host without a leading `www.`, with its port: the unit of "same site". */
export function siteKey(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase().replace(/^www\./, "");
  } catch {
    return null;
  }
}

export function normalizeUrl(url: string): string {
  const parsed = new URL(url);
  parsed.hash = "";
  return parsed.href;
}

interface Task {
  url: string;
  depth: number | null;
  foundBy: FoundBy;
}

export async function crawlSite(options: CrawlOptions): Promise<CrawlResult> {
  const { fetcher, limits, signal, now } = options;
  const home = normalizeUrl(options.site);
  const keys = new Set([siteKey(home)]);
  const sameSite = (url: string) => keys.has(siteKey(url));
  const result: CrawlResult = {
    resources: new Map(),
    incoming: new Map(),
    external: [],
    sitemapUrls: new Set(),
    bytes: 0,
  };
  const seen = new Set<string>();
  let fetched = 0;
  let phase: CheckProgress["phase"] = "crawl";
  const report = () => options.onProgress?.({ phase, done: fetched, total: seen.size });

  const robots: RobotsRules = await loadRobots(fetcher, home, signal);
  const delayMs = robots.crawlDelayMs === null ? 0 : Math.min(robots.crawlDelayMs, 5_000);
  const concurrency = delayMs > 0 ? 1 : limits.concurrency;
  const sitemapStarts = [...robots.sitemaps, new URL("/sitemap.xml", home).href];
  const sitemapPromise = loadSitemaps(
    fetcher,
    sitemapStarts,
    sameSite,
    { maxFiles: 10, maxUrls: 5_000 },
    signal,
  );

  const budgetLeft = () =>
    fetched < limits.maxPages && result.bytes < limits.maxBytes && !signal?.aborted;

  async function visit(task: Task, enqueue: (t: Task) => void): Promise<void> {
    if (!budgetLeft()) return;
    const resource = await fetchResource(task);
    result.resources.set(task.url, resource);
    // A home page that moved to another host (a new domain, https on another name) moved the site.
    if (task.depth === 0 && !resource.problem) keys.add(siteKey(resource.finalUrl));
    if (resource.finalUrl !== task.url) seen.add(resource.finalUrl);
    report();
    const followLinks =
      task.foundBy === "crawl" && task.depth !== null && task.depth < limits.maxDepth;
    if (!followLinks || resource.problem) return;
    for (const link of resource.links) {
      const texts = result.incoming.get(link.url) ?? [];
      if (link.text) texts.push(link.text);
      result.incoming.set(link.url, texts);
      if (!sameSite(link.url)) {
        result.external.push(link);
        continue;
      }
      if (seen.has(link.url)) continue;
      const kind = kindOf(null, link.url);
      if (kind === "other" && !options.wanted(link)) continue;
      seen.add(link.url);
      enqueue({ url: link.url, depth: (task.depth ?? 0) + 1, foundBy: "crawl" });
    }
  }

  async function fetchResource(task: Task): Promise<CrawledResource> {
    const fetchedAt = now().toISOString();
    const base = {
      url: task.url,
      finalUrl: task.url,
      httpStatus: null,
      contentType: null,
      sha256: null,
      fetchedAt,
      foundBy: task.foundBy,
      depth: task.depth,
      bytes: 0,
      kind: kindOf(null, task.url),
      text: "",
      title: "",
      headings: [],
      links: [],
      unreadable: null,
    };
    if (sameSite(task.url) && !robots.isAllowed(task.url))
      return {
        ...base,
        problem: {
          th: "robots.txt ของเว็บไซต์ไม่อนุญาตให้ตรวจ",
          en: "disallowed by the site's robots.txt",
        },
      };
    if (delayMs > 0) await sleep(delayMs, undefined, { signal }).catch(() => undefined);
    fetched++;
    const outcome = await fetcher.fetch(task.url, { signal, maxBytes: limits.maxResourceBytes });
    if (!outcome.ok) return { ...base, finalUrl: outcome.finalUrl, problem: outcome.failure };
    const { response } = outcome;
    result.bytes += response.body.length;
    const shared = {
      ...base,
      finalUrl: response.finalUrl,
      httpStatus: response.status,
      contentType: response.contentType,
      bytes: response.body.length,
    };
    if (response.status >= 400)
      return {
        ...shared,
        problem: { th: `เซิร์ฟเวอร์ตอบ HTTP ${response.status}`, en: `HTTP ${response.status}` },
      };
    const extracted = await extractResource(response.body, response.contentType, response.finalUrl);
    return { ...shared, ...extracted, problem: extracted.unreadable };
  }

  async function run(initial: Task[]): Promise<void> {
    const queue = [...initial];
    let active = 0;
    await new Promise<void>((resolve, reject) => {
      const pump = () => {
        while (active < concurrency && queue.length > 0) {
          const task = queue.shift() as Task;
          active++;
          visit(task, (t) => queue.push(t))
            .then(() => {
              active--;
              pump();
            })
            .catch(reject);
        }
        if (active === 0 && queue.length === 0) resolve();
      };
      pump();
    });
  }

  seen.add(home);
  await run([{ url: home, depth: 0, foundBy: "crawl" }]);

  const sitemapUrls = await sitemapPromise;
  for (const url of sitemapUrls) {
    try {
      result.sitemapUrls.add(normalizeUrl(url));
    } catch {
      // A malformed <loc> names no page.
    }
  }
  const orphans = [...result.sitemapUrls].filter((url) => sameSite(url) && !seen.has(url));
  for (const url of orphans) seen.add(url);
  await run(orphans.map((url) => ({ url, depth: null, foundBy: "sitemap" as const })));

  phase = "evidence";
  const given = options.evidenceUrls.filter((url) => !seen.has(url));
  for (const url of given) seen.add(url);
  await run(given.map((url) => ({ url, depth: null, foundBy: "evidence" as const })));
  report();
  return result;
}
