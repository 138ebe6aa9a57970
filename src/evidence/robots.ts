import robotsParserModule from "robots-parser";
import type { GuardedFetcher } from "./guarded-fetch.ts";

interface ParsedRobots {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
}
// The package is CommonJS typed as an ES default export: at run time the import is the function.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => ParsedRobots;

// The site's robots.txt, read once per check, through the guarded fetcher like everything else.

export const ROBOTS_AGENT = "Prongsai";

export interface RobotsRules {
  isAllowed(url: string): boolean;
  sitemaps: string[];
  crawlDelayMs: number | null;
}

const ALLOW_ALL: RobotsRules = { isAllowed: () => true, sitemaps: [], crawlDelayMs: null };

/** Rules for `origin`; a missing or unreadable robots.txt allows everything (RFC 9309 for 4xx). */
export async function loadRobots(
  fetcher: GuardedFetcher,
  origin: string,
  signal?: AbortSignal,
): Promise<RobotsRules> {
  const url = new URL("/robots.txt", origin).href;
  const outcome = await fetcher.fetch(url, { signal, maxBytes: 512 * 1024 });
  // An unreachable robots.txt is treated as absent: the agency itself asked for the check.
  if (!outcome.ok || outcome.response.status >= 400) return ALLOW_ALL;
  return parseRobots(url, outcome.response.body.toString("utf8"));
}

export function parseRobots(url: string, text: string): RobotsRules {
  const robots = robotsParser(url, text);
  const delay = robots.getCrawlDelay(ROBOTS_AGENT);
  return {
    isAllowed: (target) => robots.isAllowed(target, ROBOTS_AGENT) !== false,
    sitemaps: robots.getSitemaps(),
    crawlDelayMs: delay === undefined ? null : delay * 1000,
  };
}
