import { describe, expect, it } from "vitest";
import { DomainError } from "../domain/errors.ts";
import { getFramework, loadFrameworks } from "../domain/framework/load-frameworks.ts";
import { checkSiteUrl, parseEvidenceFile } from "./evidence-file.ts";

const framework = getFramework("ita-2566", loadFrameworks());

function problems(value: unknown): string[] {
  try {
    parseEvidenceFile(value, framework);
  } catch (error) {
    if (error instanceof DomainError) return error.details.map((d) => d.path);
    throw error;
  }
  return [];
}

describe("evidence file", () => {
  it("takes one URL or a list per item, ids in any case", () => {
    expect(
      parseEvidenceFile(
        { o1: "https://a.go.th/structure#top", O2: ["https://a.go.th/a", "https://a.go.th/b"] },
        framework,
      ),
    ).toEqual({
      O1: ["https://a.go.th/structure"],
      O2: ["https://a.go.th/a", "https://a.go.th/b"],
    });
  });

  it("lists every problem at once", () => {
    expect(
      problems({ O99: "https://a.go.th/", O1: ["ftp://x", "https://ok.go.th/"], O2: 5, O3: [] }),
    ).toEqual(["O2", "O3", "O99", "O1.0"]);
    expect(problems(["https://a.go.th/"])).toEqual([""]);
  });
});

describe("site URL", () => {
  it("takes an absolute http(s) URL and explains anything else in Thai", () => {
    expect(checkSiteUrl("https://www.huaisak.go.th/#top")).toBe("https://www.huaisak.go.th/");
    expect(() => checkSiteUrl("www.huaisak.go.th")).toThrow(DomainError);
    expect(() => checkSiteUrl("file:///etc/passwd")).toThrow(/http/);
  });
});
