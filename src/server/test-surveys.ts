import type { Framework } from "../domain/framework/schema.ts";
import { countVector, tallyLayout } from "../domain/survey/tally-layout.ts";
import type { Submission } from "./services/survey-intake.ts";

/** A submission for tests, with whatever answers the test is about, counted in the framework's layout. */
export function testSubmission(
  framework: Framework,
  fields: Omit<Submission, "frameworkId" | "counts">,
): Submission {
  return {
    ...fields,
    frameworkId: framework.id,
    counts: countVector(tallyLayout(framework, fields.tool), fields.answers),
  };
}

/** The 1-based position of an item's option in the stored tally vector (for tests that tamper). */
export function tallyPosition(
  framework: Framework,
  tool: string,
  itemId: string,
  optionId: string,
): number {
  const layout = tallyLayout(framework, tool);
  return (
    layout.itemIds.findIndex((item, i) => item === itemId && layout.optionIds[i] === optionId) + 1
  );
}
