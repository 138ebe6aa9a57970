import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CrawlLimits, crawlSite, DEFAULT_CRAWL_LIMITS } from "./crawl.ts";
import { createGuardedFetcher } from "./guarded-fetch.ts";
import { type FixtureRoute, type FixtureSite, startFixtureSite } from "./test-site.ts";

const links = (paths: string[]) => paths.map((p) => `<a href="${p}">หน้า ${p}</a>`).join("");
let inFlight = 0;
let maxInFlight = 0;

// Each page answers a moment later, so requests overlap whenever the crawler lets them.
function slowPage(body: string): FixtureRoute {
  return {
    handle(_request, response) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        response.end(body);
      }, 20);
    },
  };
}

const wide = Array.from({ length: 20 }, (_, n) => `/p${n}`);
let site: FixtureSite;

beforeAll(async () => {
  const routes: Record<string, FixtureRoute> = {
    "/": slowPage(links([...wide, "/d1", "/photo.jpg", "/plan.xlsx", "/trickle.pdf"])),
    // Bytes trickle for ever: the deadline, not the server, ends it.
    "/trickle.pdf": {
      handle(_request, response) {
        response.writeHead(200, { "content-type": "application/pdf" });
        const timer = setInterval(() => response.write("%"), 50);
        response.on("close", () => clearInterval(timer));
      },
    },
    "/d1": slowPage(links(["/d2"])),
    "/d2": slowPage(links(["/d3"])),
    "/d3": slowPage("ลึกเกินไป"),
    "/photo.jpg": { type: "image/jpeg", body: "jpg" },
    "/plan.xlsx": { type: "application/octet-stream", body: "xlsx" },
  };
  for (const path of wide) routes[path] = slowPage(links(["/"]));
  site = await startFixtureSite(routes);
});
afterAll(() => site.close());

async function crawl(limits: Partial<CrawlLimits>) {
  site.hits.length = 0;
  inFlight = 0;
  maxInFlight = 0;
  const fetcher = createGuardedFetcher({ allowPrivate: true });
  try {
    return await crawlSite({
      fetcher,
      site: site.url,
      limits: { ...DEFAULT_CRAWL_LIMITS, ...limits },
      wanted: (link) => link.text.includes("plan.xlsx"),
      evidenceUrls: [],
      now: () => new Date("2023-06-01T00:00:00Z"),
    });
  } finally {
    await fetcher.close();
  }
}

describe("crawlSite", () => {
  it("follows a home page that moved to another host", async () => {
    const moved = await startFixtureSite({
      "/": { status: 301, headers: { location: `${site.url}` } },
    });
    const fetcher = createGuardedFetcher({ allowPrivate: true });
    try {
      const result = await crawlSite({
        fetcher,
        site: moved.url,
        limits: { ...DEFAULT_CRAWL_LIMITS, maxPages: 3 },
        wanted: () => false,
        evidenceUrls: [],
        now: () => new Date("2023-06-01T00:00:00Z"),
      });
      expect(result.resources.get(moved.url)?.finalUrl).toBe(site.url);
      expect(result.resources.size).toBe(3);
    } finally {
      await fetcher.close();
      await moved.close();
    }
  });

  it("keeps to the concurrency, the depth and the files worth opening", async () => {
    const result = await crawl({ concurrency: 2, maxDepth: 2, timeoutMs: 1_000 });
    expect(maxInFlight).toBeLessThanOrEqual(2);
    expect(maxInFlight).toBe(2);
    expect(site.hits).toContain("/d2");
    expect(site.hits).not.toContain("/d3");
    expect(site.hits).toContain("/plan.xlsx");
    expect(site.hits).not.toContain("/photo.jpg");
    expect(result.resources.get(`${site.url}d2`)?.depth).toBe(2);
    expect(result.incoming.get(`${site.url}d1`)).toEqual(["หน้า /d1"]);
    expect(result.resources.get(`${site.url}trickle.pdf`)?.problem).toMatchObject({
      kind: "timeout",
    });
  });

  it("stops at the page limit", async () => {
    const result = await crawl({ maxPages: 5 });
    const pages = site.hits.filter((path) => path !== "/robots.txt" && path !== "/sitemap.xml");
    expect(pages).toHaveLength(5);
    expect(result.resources.size).toBe(5);
  });
});
