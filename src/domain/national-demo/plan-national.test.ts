import { describe, expect, it } from "vitest";
import { loadNationalReference } from "../content/national-reference.ts";
import { loadFrameworks } from "../framework/load-frameworks.ts";
import type { Framework } from "../framework/schema.ts";
import { scoreTallies } from "../scoring/score-answers.ts";
import { emptyTallies } from "../scoring/tallies.ts";
import { addVector, countVector, tallyLayout } from "../survey/tally-layout.ts";
import { apportion } from "./apportion.ts";
import { expectedOverall, planNational } from "./plan-national.ts";
import { seededRandom } from "./seeded-random.ts";
import { syntheticAnswers } from "./synthetic-answers.ts";

const frameworks = loadFrameworks();
const pick = (id: string): Framework => {
  const framework = frameworks.get(id);
  if (!framework) throw new Error(`no framework ${id}`);
  return framework;
};
const reference = loadNationalReference();
const plan = (seed: number, agencies = 400) =>
  planNational({
    reference,
    frameworks: [pick("ita-2567"), pick("ita-2568")],
    nationalMeans: new Map([
      [2567, 90],
      [2568, 93.82],
    ]),
    agencies,
    responsesPerYear: 60_000,
    random: seededRandom(seed),
  });

describe("the national demo's plan", () => {
  it("apportions whole numbers that add up exactly", () => {
    expect(apportion([1, 1, 1], 10)).toEqual([4, 3, 3]);
    expect(apportion([5300, 2247, 30], 100).reduce((s, n) => s + n, 0)).toBe(100);
    expect(apportion([0, 0], 5)).toEqual([0, 0]);
  });

  it("makes the asked number of agencies of every kind, in real provinces, from the seed", () => {
    const a = plan(7);
    expect(a.agencies).toHaveLength(400);
    const provinces = new Set(reference.provinces.map((p) => p.th));
    expect(a.agencies.every((agency) => provinces.has(agency.province))).toBe(true);
    const kinds = new Set(a.agencies.map((agency) => agency.type));
    // The most common kinds are there; the commonest, อบต., is the largest group.
    expect(kinds.has("องค์การบริหารส่วนตำบล")).toBe(true);
    expect(kinds.has("เทศบาลตำบล")).toBe(true);
    const byKind = (th: string) => a.agencies.filter((x) => x.type === th).length;
    expect(byKind("องค์การบริหารส่วนตำบล")).toBeGreaterThan(byKind("เทศบาลตำบล"));
    expect(new Set(a.agencies.map((x) => x.id)).size).toBe(400);
    // The same seed gives the same plan; another seed another.
    const again = plan(7);
    expect(again.agencies).toEqual(a.agencies);
    expect(again.years[1]?.assessments[3]?.quality).toEqual(a.years[1]?.assessments[3]?.quality);
    expect(plan(8).agencies.map((x) => x.id)).not.toEqual(a.agencies.map((x) => x.id));
  });

  it("gives each year exactly the asked number of responses and a mean near the published one", () => {
    const { years } = plan(11);
    for (const year of years) {
      const total = year.assessments.reduce(
        (s, x) => s + Object.values(x.respondents).reduce((t, n) => t + n, 0),
        0,
      );
      expect(total).toBe(60_000);
      const mean =
        year.assessments.reduce((s, x) => s + expectedOverall(year.framework, x.quality), 0) /
        year.assessments.length;
      expect(mean * 100).toBeCloseTo(year.fiscalYear === 2568 ? 93.82 : 90, 1);
    }
  });

  it("answers so that many respondents' scores come near the expected quality", () => {
    const framework = pick("ita-2568");
    const quality = new Map(framework.indicators.map((i) => [i.number, 0.2 + 0.07 * i.number]));
    const random = seededRandom(3);
    const tallies = emptyTallies();
    for (const tool of ["IIT", "EIT"]) {
      const layout = tallyLayout(framework, tool);
      for (let r = 0; r < 3000; r++)
        addVector(
          tallies,
          layout,
          tool,
          1,
          countVector(layout, syntheticAnswers(framework, tool, quality, random)),
        );
    }
    const verdicts = Object.fromEntries(
      framework.oit.flatMap((s) => s.items.map((item) => [item.id, "pass" as const])),
    );
    const scored = scoreTallies(framework, tallies, verdicts);
    const survey = scored.indicators.filter((i) => i.tool !== "OIT");
    // Better expected quality, better score: the order of the indicators survives the sampling.
    const scores = survey.map((i) => i.score);
    expect([...scores].sort((x, y) => x - y)).toEqual(scores);
    expect(scores[0]).toBeLessThan(45);
    expect(scores.at(-1)).toBeGreaterThan(70);
  });
});
