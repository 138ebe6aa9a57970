import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { loadFrameworks } from "../framework/load-frameworks.ts";
import { oitItems } from "../framework/lookup.ts";
import { loadOitEvidenceKeywords, parseOitEvidenceKeywords } from "./oit-evidence-keywords.ts";

describe("OIT evidence keywords", () => {
  it("has keywords for every topic of every framework, and no topic that none uses", () => {
    const keywords = loadOitEvidenceKeywords();
    const topics = new Set(
      [...loadFrameworks().values()].flatMap((f) => oitItems(f).map((item) => item.topic)),
    );
    expect([...topics].filter((topic) => !keywords[topic]?.keywords.length)).toEqual([]);
    expect(Object.keys(keywords).filter((topic) => !topics.has(topic))).toEqual([]);
  });

  it("lists every problem, in Thai and English", () => {
    let error: unknown;
    try {
      parseOitEvidenceKeywords({
        topics: {
          "Bad Slug": { keywords: ["x"] },
          news: { keywords: [] },
          plan: { keywords: ["แผน 2566"] },
        },
      });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DomainError);
    const details = (error as DomainError).details;
    expect(details.map((d) => d.path)).toEqual([
      "oit-evidence-keywords.json:topics.Bad Slug",
      "oit-evidence-keywords.json:topics.news.keywords",
      "oit-evidence-keywords.json:topics.plan.keywords.0",
    ]);
    expect(details.every((d) => d.th.length > 0 && d.en.length > 0)).toBe(true);
  });
});
