import { describe, expect, it } from "vitest";
import { loadOitEvidenceKeywords } from "../domain/content/oit-evidence-keywords.ts";
import { loadFrameworks } from "../domain/framework/load-frameworks.ts";
import { oitItems } from "../domain/framework/lookup.ts";
import { type Candidate, decideItem } from "./decide-status.ts";
import { createTopicMatcher, fileLabel, normalizeLabel } from "./match-item.ts";

const plan = {
  id: "O19",
  year: "current" as const,
  title: { th: "แผนการจัดซื้อจัดจ้าง", en: "Procurement plan" },
};
const structure = {
  id: "O1",
  year: "any" as const,
  title: { th: "โครงสร้างหน่วยงาน", en: "Structure" },
};

function candidate(over: Partial<Candidate>): Candidate {
  return {
    url: "https://example.go.th/plan",
    origin: "crawl",
    reachable: true,
    outcome: "ok",
    years: [2566],
    score: 10,
    depth: 2,
    ...over,
  };
}

describe("decideItem", () => {
  it("passes a reachable page naming the required fiscal year", () => {
    const finding = decideItem(plan, 2566, [candidate({})]);
    expect(finding).toMatchObject({ id: "O19", status: "pass", year: 2566 });
    expect(finding.reason).toContain("2566");
  });

  it("calls an earlier year outdated, a page with no year missing, and nothing missing", () => {
    expect(decideItem(plan, 2566, [candidate({ years: [2564, 2565] })])).toMatchObject({
      status: "outdated",
      year: 2565,
    });
    const noYear = decideItem(plan, 2566, [candidate({ years: [] })]);
    expect(noYear).toMatchObject({ status: "missing", url: "https://example.go.th/plan" });
    expect(decideItem(plan, 2566, [])).toMatchObject({ status: "missing", url: null });
  });

  it("needs no year when the item takes any year", () => {
    expect(decideItem(structure, 2566, [candidate({ years: [] })]).status).toBe("pass");
  });

  it("reports a broken link and an orphan, preferring whatever is closest to passing", () => {
    const broken = candidate({ outcome: "broken", problem: { th: "HTTP 404", en: "HTTP 404" } });
    const orphan = candidate({
      reachable: false,
      origin: "sitemap",
      url: "https://example.go.th/o",
    });
    expect(decideItem(plan, 2566, [broken])).toMatchObject({ status: "broken" });
    expect(decideItem(plan, 2566, [broken, orphan])).toMatchObject({
      status: "orphan",
      url: "https://example.go.th/o",
    });
    expect(decideItem(plan, 2566, [orphan, broken, candidate({ url: "https://x/ok" })]).url).toBe(
      "https://x/ok",
    );
  });
});

describe("topic matching", () => {
  const matcher = createTopicMatcher(loadOitEvidenceKeywords());

  it("ignores spacing and recognises neighbouring topics apart", () => {
    expect(normalizeLabel("แผนการ จัดซื้อ จัดจ้าง ๒๕๖๖")).toBe(normalizeLabel("แผนการจัดซื้อจัดจ้าง2566"));
    expect(normalizeLabel("ประจําปี")).toBe(normalizeLabel("ประจำปี"));
    expect(matcher.topics("แผนการ จัดซื้อจัดจ้าง ประจำปี 2566")).toEqual(["procurement-plan"]);
    expect(matcher.topics("สรุปผลการจัดซื้อจัดจ้างรายเดือน")).toEqual(["procurement-monthly-summary"]);
    expect(matcher.topics("รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน")).toEqual([
      "operating-progress-6-months",
    ]);
    expect(matcher.topics("แผนดำเนินงาน ประจำปี")).toEqual(["operating-plan"]);
    expect(matcher.topics("หน้าแรก")).toEqual([]);
  });

  it("recognises every item's own title as its topic and no other topic of its framework", () => {
    const wrong: string[] = [];
    for (const framework of loadFrameworks().values()) {
      const own = new Set(oitItems(framework).map((item) => item.topic));
      for (const item of oitItems(framework)) {
        const found = matcher.topics(item.title.th).filter((topic) => own.has(topic));
        if (found.join() !== item.topic) wrong.push(`${framework.id} ${item.id}: ${found.join()}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("reads labels from file names", () => {
    expect(fileLabel("https://a.go.th/files/%E0%B9%81%E0%B8%9C%E0%B8%99.pdf")).toBe("แผน");
    expect(
      matcher.score("procurement-plan", fileLabel("https://a.go.th/แผนการจัดซื้อจัดจ้าง.pdf")),
    ).toBeGreaterThan(0);
  });
});
