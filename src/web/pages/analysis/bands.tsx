import { useTranslation } from "react-i18next";
import type { AnalysisBand } from "../../../shared/analysis.ts";

/** Bar colours of the bands, each at least 3:1 against white; always shown with the band's name. */
export const bandColours: Record<AnalysisBand, string> = {
  strength: "#1d6b35",
  middle: "#51607a",
  weakness: "#9a5b00",
  urgent: "#a11b1b",
};

/** Last year's bars: a neutral grey, told apart by the legend and the table. */
export const previousColour = "#8a93a6";

const badgeClass: Record<AnalysisBand, string> = {
  strength: "badge-ok",
  middle: "badge-neutral",
  weakness: "badge-warning",
  urgent: "badge-danger",
};

/** A band's name on its colour: the colour never speaks alone. */
export function BandBadge({ band }: { band: AnalysisBand }) {
  const { t } = useTranslation();
  return (
    <span className={`badge band-badge ${badgeClass[band]}`}>{t(`analysis.band.${band}`)}</span>
  );
}
