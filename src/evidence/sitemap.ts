import { Parser } from "htmlparser2";
import type { GuardedFetcher } from "./guarded-fetch.ts";

// Page URLs listed in sitemap.xml (and sitemap indexes), to find pages no link leads to.

export interface SitemapEntries {
  urls: string[];
  sitemaps: string[];
}

export function parseSitemap(xml: string): SitemapEntries {
  const urls: string[] = [];
  const sitemaps: string[] = [];
  const open: string[] = [];
  let loc: string | null = null;
  const parser = new Parser(
    {
      onopentag(name) {
        const local = name.toLowerCase().replace(/^.*:/, "");
        open.push(local);
        if (local === "loc") loc = "";
      },
      ontext(data) {
        if (loc !== null) loc += data;
      },
      onclosetag(name) {
        const local = name.toLowerCase().replace(/^.*:/, "");
        open.pop();
        if (local === "loc" && loc !== null) {
          const value = loc.trim();
          if (value) (open.at(-1) === "sitemap" ? sitemaps : urls).push(value);
          loc = null;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return { urls, sitemaps };
}

export interface SitemapLimits {
  maxFiles: number;
  maxUrls: number;
}

/** Every page URL of the sitemaps at `starts` (indexes followed), within the limits. */
export async function loadSitemaps(
  fetcher: GuardedFetcher,
  starts: string[],
  isSameSite: (url: string) => boolean,
  limits: SitemapLimits,
  signal?: AbortSignal,
): Promise<string[]> {
  const queue = [...new Set(starts)].filter(isSameSite);
  const seen = new Set<string>();
  const urls = new Set<string>();
  while (queue.length > 0 && seen.size < limits.maxFiles && urls.size < limits.maxUrls) {
    const next = queue.shift() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    const outcome = await fetcher.fetch(next, { signal, maxBytes: 10 * 1024 * 1024 });
    if (!outcome.ok || outcome.response.status >= 400) continue;
    const entries = parseSitemap(outcome.response.body.toString("utf8"));
    for (const url of entries.urls) if (urls.size < limits.maxUrls) urls.add(url);
    queue.push(...entries.sitemaps.filter(isSameSite));
  }
  return [...urls];
}
