import { describe, expect, it } from "vitest";
import { parseRobots } from "./robots.ts";
import { parseSitemap } from "./sitemap.ts";

describe("robots.txt", () => {
  it("applies the rules for our agent and lists sitemaps", () => {
    const rules = parseRobots(
      "https://a.go.th/robots.txt",
      "User-agent: *\nDisallow: /admin/\nCrawl-delay: 2\nSitemap: https://a.go.th/sitemap.xml\n",
    );
    expect(rules.isAllowed("https://a.go.th/admin/x")).toBe(false);
    expect(rules.isAllowed("https://a.go.th/ita/")).toBe(true);
    expect(rules.sitemaps).toEqual(["https://a.go.th/sitemap.xml"]);
    expect(rules.crawlDelayMs).toBe(2000);
  });
});

describe("sitemap", () => {
  it("reads page URLs and nested sitemaps", () => {
    const page = parseSitemap(
      `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
       <url><loc> https://a.go.th/ita/o1.html </loc></url><url><loc>https://a.go.th/a?x=1&amp;y=2</loc></url></urlset>`,
    );
    expect(page.urls).toEqual(["https://a.go.th/ita/o1.html", "https://a.go.th/a?x=1&y=2"]);
    const index = parseSitemap(
      `<sitemapindex><sitemap><loc>https://a.go.th/s1.xml</loc></sitemap></sitemapindex>`,
    );
    expect(index).toEqual({ urls: [], sitemaps: ["https://a.go.th/s1.xml"] });
  });
});
