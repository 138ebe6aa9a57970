import { explainDiscrepancy } from "../../domain/results/explain-discrepancy.ts";
import type { ResultResponse } from "../../shared/result.ts";
import type { AssessmentRow } from "./find-assessment.ts";
import type { ResultRow } from "./save-result.ts";

/** A stored result as the API shows it, with the explanation when it is flagged. */
export function toResultResponse(row: ResultRow, assessment: AssessmentRow): ResultResponse {
  return {
    agencyId: row.agencyId,
    assessmentId: row.assessmentId,
    fiscalYear: assessment.fiscalYear,
    frameworkId: assessment.frameworkId,
    source: row.source,
    indicators: row.indicators,
    oit: row.oit,
    official:
      row.officialOverall === null
        ? null
        : { overall: row.officialOverall, level: row.officialLevel },
    computed: { overall: row.computedOverall, level: row.computedLevel },
    discrepancy: row.discrepancy,
    explanation: explainDiscrepancy(row),
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}
