import type { MeasureFieldsBody } from "./measure-draft.ts";

/** What the suggestions slot is given by the measures page. */
export interface SuggestedMeasuresProps {
  agencyId: string;
  assessmentId: string;
  fiscalYear: number;
  /** Titles already in the plan, so a suggestion already taken can be marked as such. */
  existingTitles: string[];
  /** Opens the add form prefilled with the suggestion, for the person to adjust and save. */
  onAdopt: (suggestion: Partial<MeasureFieldsBody>) => void;
}

/**
 * SLOT: suggested measures from the library, for each weakness of the analysed result. The
 * analysis endpoint that serves them is built separately; this component is where they will be
 * listed above the table, each with a button calling `onAdopt`. Until then it shows nothing.
 */
export function SuggestedMeasures(_props: SuggestedMeasuresProps) {
  return null;
}
