import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { buildFramework } from "../test-factories.ts";
import { oitIndicatorScores } from "./oit-scores.ts";
import { scoreFromIndicators } from "./overall.ts";
import { parseAnswers } from "./parse-answers.ts";
import { scoreAnswers } from "./score-answers.ts";

const framework = buildFramework();

describe("survey scoring", () => {
  it("mirrors reverse items and averages sub-items, then questions", () => {
    const parsed = parseAnswers(framework, {
      responses: [
        { tool: "IIT", answers: { i1: ["most", "least"], i2: "yes", i3: "much" } },
        { tool: "IIT", answers: { i1: ["little", null], i2: "no", i3: "most" } },
        { tool: "EIT", answers: { e1: "most", e2: "yes" } },
      ],
      oit: { o1: "pass" },
    });
    const r = scoreAnswers(framework, parsed);
    const q = (id: string) => r.questions.find((x) => x.id === id)?.score;
    // i1.1: (100 + 33.33)/2; i1.2 reverse, "least" answered once → 100.
    expect(q("i1")).toBeCloseTo(((100 + 33.33) / 2 + 100) / 2, 9);
    // i2 is a reverse yes/no: "yes" (bad behaviour seen) scores 0.
    expect(q("i2")).toBe(50);
    expect(r.indicators.find((i) => i.number === 1)?.score).toBeCloseTo(
      (((100 + 33.33) / 2 + 100) / 2 + 50) / 2,
      9,
    );
    expect(r.tallies.respondents).toEqual({ IIT: 2, EIT: 1 });
  });

  it("lists every problem of an answers file, with paths", () => {
    try {
      parseAnswers(framework, {
        responses: [
          { tool: "XYZ", answers: {} },
          { tool: "IIT", answers: { i1: ["most"], i3: "perhaps", e1: "most" } },
        ],
        oit: { o99: "pass" },
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const paths = (e as DomainError).details.map((d) => d.path);
      expect(paths).toEqual([
        "responses.0.tool",
        "responses.1.answers.i1",
        "responses.1.answers.i3",
        "responses.1.answers.e1",
        "oit.o99",
      ]);
      expect((e as DomainError).details.every((d) => d.th.length > 0 && d.en.length > 0)).toBe(
        true,
      );
    }
  });
});

describe("OIT scoring", () => {
  it("scores a sub-indicator as the share of passed items and the indicator as their mean", () => {
    const verdicts = Object.fromEntries(
      ["o1", "o2", "o3", "o4", "o5", "o6", "o7", "o9", "o10", "o11"].map((id) => [
        id,
        "pass" as const,
      ]),
    );
    const scores = oitIndicatorScores(framework, verdicts);
    expect(scores.get(4)).toBe(93.75); // mean(7/8, 2/2), as published in FY2564
    expect(scores.get(5)).toBe(50);
  });
});

describe("overall", () => {
  it("weights tools by the framework and reads level and rating off the shown figure", () => {
    const r = scoreFromIndicators(
      framework,
      new Map([
        [1, 90],
        [2, 80],
        [3, 84.99],
        [4, 85],
        [5, 85],
      ]),
    );
    expect(r.tools).toEqual({ IIT: 85, EIT: 84.99, OIT: 85 });
    expect(r.overall).toBeCloseTo(0.3 * 85 + 0.3 * 84.99 + 0.4 * 85, 9);
    expect(r.level).toBe("A");
    expect(r.rating?.id).toBe("pass");
  });

  it("refuses missing, unknown and out-of-range indicators, all at once", () => {
    expect(() =>
      scoreFromIndicators(
        framework,
        new Map([
          [1, 101],
          [2, 80],
          [9, 50],
        ]),
      ),
    ).toThrowError(
      /indicator 1 must score between 0 and 100.*indicator 3.*has no score.*no indicator 9/,
    );
  });
});
