import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { loadFrameworks } from "../framework/load-frameworks.ts";
import { oitItems } from "../framework/lookup.ts";
import { loadPublishedEvidence, PUBLISHED_EVIDENCE_FILE } from "./published-evidence.ts";

describe("published evidence", () => {
  it("maps the internal-measures topics, and every mapped topic exists in a framework", () => {
    const topics = loadPublishedEvidence();
    expect(topics["internal-measures"]?.source).toBe("measures-document");
    expect(topics["internal-measures-actions"]?.source).toBe("measures-progress");
    const known = new Set(
      [...loadFrameworks().values()].flatMap((f) => oitItems(f).map((item) => item.topic)),
    );
    expect(Object.keys(topics).filter((topic) => !known.has(topic))).toEqual([]);
  });

  it("lists every problem of a broken file, in Thai and English", () => {
    const dir = mkdtempSync(join(tmpdir(), "prongsai-evidence-"));
    try {
      writeFileSync(
        join(dir, PUBLISHED_EVIDENCE_FILE),
        JSON.stringify({
          topics: { "Bad Slug": { source: "x" }, ok: { source: "measures-document" } },
        }),
      );
      let error: unknown;
      try {
        loadPublishedEvidence(dir);
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(DomainError);
      const details = (error as DomainError).details;
      expect(details.map((d) => d.path)).toEqual([
        `${PUBLISHED_EVIDENCE_FILE}:topics.Bad Slug`,
        `${PUBLISHED_EVIDENCE_FILE}:topics.ok.description`,
      ]);
      expect(details.every((d) => d.th.length > 0 && d.en.length > 0)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
