import type { AnalysisBand } from "../../../shared/analysis.ts";

/** The bands from best to worst, as src/shared/analysis.ts lists them (kept here type-only). */
export const analysisBands: readonly AnalysisBand[] = ["strength", "middle", "weakness", "urgent"];
