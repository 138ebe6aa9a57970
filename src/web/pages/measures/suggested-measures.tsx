import { SuggestedMeasures as LibrarySuggestions } from "../analysis/suggested-measures.tsx";

/** What the suggestions slot is given by the measures page. */
export interface SuggestedMeasuresProps {
  agencyId: string;
  assessmentId: string;
  fiscalYear: number;
}

/** The library's suggested measures for each weakness, above the table; adopting one adds it to the plan. */
export function SuggestedMeasures({ agencyId, assessmentId, fiscalYear }: SuggestedMeasuresProps) {
  return (
    <LibrarySuggestions agencyId={agencyId} assessmentId={assessmentId} fiscalYear={fiscalYear} />
  );
}
