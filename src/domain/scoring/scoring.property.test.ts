import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Framework } from "../framework/schema.ts";
import { buildFramework } from "../test-factories.ts";
import type { OitVerdicts } from "./oit-scores.ts";
import { scoreTallies } from "./score-answers.ts";
import { pointTable } from "./survey-scores.ts";
import {
  mergeTallies,
  type SurveyResponse,
  scoredItems,
  type Tallies,
  tallyResponses,
} from "./tallies.ts";

const framework = buildFramework();
const items = [...scoredItems(framework)];
const toolOf = (fw: Framework, indicator: number) =>
  fw.indicators.find((i) => i.number === indicator)?.tool ?? "";
const optionsOf = (itemId: string) => {
  const entry = scoredItems(framework).get(itemId);
  const scale = framework.scales.find((s) => s.id === entry?.question.scale);
  return scale?.options.map((o) => o.id) ?? [];
};

const responseArb = (tool: string): fc.Arbitrary<SurveyResponse> => {
  const own = items.filter(([, v]) => toolOf(framework, v.question.indicator) === tool);
  return fc
    .tuple(...own.map(([id]) => fc.option(fc.constantFrom(...optionsOf(id)), { nil: undefined })))
    .map((choices) => {
      const answers: Record<string, string> = {};
      own.forEach(([id], k) => {
        const c = choices[k];
        if (c !== undefined) answers[id] = c;
      });
      return { tool, answers };
    });
};

// Every survey tool gets at least one full response so all indicators are defined.
const fullResponse = (tool: string): SurveyResponse => ({
  tool,
  answers: Object.fromEntries(
    items
      .filter(([, v]) => toolOf(framework, v.question.indicator) === tool)
      .map(([id]) => [id, optionsOf(id)[1] ?? ""]),
  ),
});
const responsesArb = fc
  .array(fc.oneof(responseArb("IIT"), responseArb("EIT")), { maxLength: 30 })
  .map((rs) => [fullResponse("IIT"), fullResponse("EIT"), ...rs]);
const allItemIds = framework.oit.flatMap((s) => s.items.map((i) => i.id));
const verdictsArb: fc.Arbitrary<OitVerdicts> = fc
  .array(fc.boolean(), { minLength: allItemIds.length, maxLength: allItemIds.length })
  .map((bits) => Object.fromEntries(allItemIds.map((id, k) => [id, bits[k] ? "pass" : "fail"])));

const allScores = (fw: Framework, tallies: Tallies, verdicts: OitVerdicts) => {
  const r = scoreTallies(fw, tallies, verdicts);
  return [r.overall, ...Object.values(r.tools), ...r.indicators.map((i) => i.score)];
};

describe("scoring properties", () => {
  it("keeps every score within 0–100", () => {
    fc.assert(
      fc.property(responsesArb, verdictsArb, (responses, verdicts) => {
        for (const s of allScores(framework, tallyResponses(responses), verdicts)) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(100 + 1e-9);
        }
      }),
    );
  });

  it("never lowers a score when one answer becomes more favourable", () => {
    fc.assert(
      fc.property(responsesArb, verdictsArb, fc.nat(), fc.nat(), (responses, verdicts, r, k) => {
        const target = responses[r % responses.length] as SurveyResponse;
        const answered = Object.keys(target.answers);
        if (answered.length === 0) return;
        const itemId = answered[k % answered.length] as string;
        const entry = scoredItems(framework).get(itemId);
        const scale = framework.scales.find((s) => s.id === entry?.question.scale);
        if (!entry || !scale) throw new Error(`no scale for ${itemId}`);
        const points = pointTable(scale, entry.reverse);
        const current = points.get(target.answers[itemId] ?? "") ?? 0;
        const better = [...points].filter(([, p]) => p > current).map(([id]) => id);
        if (better.length === 0) return;
        const changed = responses.map((resp) =>
          resp === target
            ? { ...resp, answers: { ...resp.answers, [itemId]: better[0] as string } }
            : resp,
        );
        const before = allScores(framework, tallyResponses(responses), verdicts);
        const after = allScores(framework, tallyResponses(changed), verdicts);
        for (const [i, a] of after.entries())
          expect(a).toBeGreaterThanOrEqual((before[i] ?? 0) - 1e-9);
        expect(after[0]).toBeGreaterThan((before[0] ?? 0) - 1e-9);
      }),
    );
  });

  it("never lowers a score when one OIT item passes", () => {
    fc.assert(
      fc.property(responsesArb, verdictsArb, fc.nat(), (responses, verdicts, k) => {
        const id = allItemIds[k % allItemIds.length] as string;
        const tallies = tallyResponses(responses);
        const before = allScores(framework, tallies, verdicts);
        const after = allScores(framework, tallies, { ...verdicts, [id]: "pass" });
        for (const [i, a] of after.entries())
          expect(a).toBeGreaterThanOrEqual((before[i] ?? 0) - 1e-9);
      }),
    );
  });

  it("ignores the order of responses", () => {
    fc.assert(
      fc.property(responsesArb, verdictsArb, fc.array(fc.nat()), (responses, verdicts, keys) => {
        const shuffled = responses
          .map((resp, i) => ({ resp, key: keys[i % Math.max(keys.length, 1)] ?? i }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.resp);
        expect(allScores(framework, tallyResponses(shuffled), verdicts)).toEqual(
          allScores(framework, tallyResponses(responses), verdicts),
        );
      }),
    );
  });

  it("adds the tallies of two sets up to the tallies of their union", () => {
    fc.assert(
      fc.property(responsesArb, responsesArb, (a, b) => {
        expect(mergeTallies(tallyResponses(a), tallyResponses(b))).toEqual(
          tallyResponses([...a, ...b]),
        );
      }),
    );
  });

  it("takes tool and indicator weights from the framework data", () => {
    const weightsArb = fc.tuple(
      fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 3, maxLength: 3 }),
      fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 5, maxLength: 5 }),
    );
    fc.assert(
      fc.property(weightsArb, responsesArb, verdictsArb, ([tw, iw], responses, verdicts) => {
        const sum = tw.reduce((s, w) => s + w, 0);
        const weighted = buildFramework({
          tools: framework.tools.map((tool, k) => ({ ...tool, weight: (tw[k] ?? 1) / sum })),
          indicators: framework.indicators.map((ind, k) => ({ ...ind, weight: iw[k] ?? 1 })),
        });
        const r = scoreTallies(weighted, tallyResponses(responses), verdicts);
        let expected = 0;
        for (const tool of weighted.tools) {
          const members = r.indicators.filter((i) => i.tool === tool.id);
          const w = (n: number) => weighted.indicators.find((i) => i.number === n)?.weight ?? 0;
          const mean =
            members.reduce((s, i) => s + w(i.number) * i.score, 0) /
            members.reduce((s, i) => s + w(i.number), 0);
          expect(r.tools[tool.id]).toBeCloseTo(mean, 9);
          expected += tool.weight * mean;
        }
        expect(r.overall).toBeCloseTo(expected, 9);
      }),
    );
  });
});
