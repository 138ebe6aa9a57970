import type { AssessmentScope } from "./find-assessment-scope.ts";
import type { MeasureKey } from "./get-measure.ts";
import type { MeasureRow } from "./measure-rows.ts";

interface Remembered {
  measure: MeasureRow;
  scope: AssessmentScope;
}

/**
 * The measures this process changed last, as its change left them, so the next change of the
 * same measure at that version skips reading it. Only a hint: the change itself is written only
 * while the row is at that version and its scope unchanged (`updateInOneStatement`), and anything
 * else is decided on a fresh read.
 */
export class RecentMeasures {
  readonly #measures = new Map<string, Remembered>();

  constructor(private readonly capacity: number) {}

  get(key: MeasureKey, version: number): Remembered | undefined {
    const known = this.#measures.get(key.measureId);
    const same =
      known &&
      known.measure.version === version &&
      known.measure.agencyId === key.agencyId &&
      known.measure.assessmentId === key.assessmentId;
    return same ? known : undefined;
  }

  remember(measure: MeasureRow, scope: AssessmentScope): void {
    // Re-inserted at the end, so the first key is the one changed longest ago.
    this.#measures.delete(measure.id);
    if (this.#measures.size >= this.capacity) {
      const oldest = this.#measures.keys().next();
      if (!oldest.done) this.#measures.delete(oldest.value);
    }
    this.#measures.set(measure.id, { measure, scope });
  }
}
