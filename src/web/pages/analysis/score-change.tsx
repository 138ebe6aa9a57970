import { useTranslation } from "react-i18next";
import { formatScore } from "../../format.ts";

/** A change in points with an arrow and words, so it reads without colour. */
export function ScoreChange({ change }: { change: number | null | undefined }) {
  const { t, i18n } = useTranslation();
  if (change === null || change === undefined)
    return <span className="muted">{t("analysis.change.none")}</span>;
  const rounded = Math.round(change * 100) / 100;
  const value = formatScore(Math.abs(rounded), i18n.language);
  if (rounded > 0)
    return (
      <span className="change change-up">
        <span aria-hidden="true">▲ </span>
        {t("analysis.change.up", { value })}
      </span>
    );
  if (rounded < 0)
    return (
      <span className="change change-down">
        <span aria-hidden="true">▼ </span>
        {t("analysis.change.down", { value })}
      </span>
    );
  return <span className="change">{t("analysis.change.same")}</span>;
}
