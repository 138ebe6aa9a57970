import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadFrameworks } from "../framework/load-frameworks.ts";
import { surveyTools } from "../survey/survey-form.ts";
import { addVector, tallyLayout } from "../survey/tally-layout.ts";
import { surveyIndicatorScores } from "./survey-scores.ts";
import { emptyTallies } from "./tallies.ts";
import { addVectorScores, vectorPlan } from "./vector-scores.ts";

const frameworks = [...loadFrameworks().values()];

describe("survey scores straight from count vectors", () => {
  it.each(frameworks.map((f) => [f.id, f] as const))(
    "equal the tally-based scores exactly under %s",
    (_, framework) => {
      const tools = surveyTools(framework).map((tool) => ({
        tool,
        layout: tallyLayout(framework, tool),
      }));
      const plans = tools.map(({ tool, layout }) => ({
        tool,
        layout,
        plan: vectorPlan(framework, layout),
      }));
      // Counts per position, often zero, so unanswered items and questions are covered too.
      const vectors = fc.tuple(
        ...tools.map(({ layout }) =>
          fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 500 })), {
            minLength: layout.itemIds.length,
            maxLength: layout.itemIds.length,
          }),
        ),
      );
      fc.assert(
        fc.property(vectors, (counts) => {
          const tallies = emptyTallies();
          const direct = new Map<number, number>();
          plans.forEach(({ tool, layout, plan }, t) => {
            const vector = counts[t] ?? [];
            addVector(tallies, layout, tool, 1, vector);
            addVectorScores(plan, vector, direct);
          });
          expect(direct).toEqual(surveyIndicatorScores(framework, tallies));
        }),
        { numRuns: 200 },
      );
    },
  );
});
