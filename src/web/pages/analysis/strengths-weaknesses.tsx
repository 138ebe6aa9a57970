import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AnalysedResult, AnalysisBand } from "../../../shared/analysis.ts";
import { formatScore } from "../../format.ts";
import { BandBadge } from "./bands.tsx";
import { formatPoints, localText } from "./local-text.ts";

type Group = { band: AnalysisBand; numbers: number[]; rule: string };

/** Strengths, middle and weaknesses with the thresholds that put them there; gaps to targets. */
export function StrengthsWeaknesses({
  result,
  indicatorPath,
}: {
  result: AnalysedResult;
  indicatorPath: (indicator: number) => string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const points = (value: number) => formatPoints(value, language);
  const { strength, weakness, urgent } = result.thresholds;
  const urgentSet = new Set(result.urgent);
  const groups: Group[] = [
    {
      band: "strength",
      numbers: result.strengths,
      rule: t("analysis.bandRule.strength", { value: points(strength) }),
    },
    {
      band: "weakness",
      numbers: result.weaknesses,
      rule: t("analysis.bandRule.weakness", { value: points(weakness) }),
    },
    {
      band: "middle",
      numbers: result.middle,
      rule: t("analysis.bandRule.middle", { low: points(weakness), high: points(strength) }),
    },
  ];
  const byNumber = new Map(result.indicators.map((i) => [i.number, i]));
  return (
    <>
      <p>
        {t("analysis.bands.intro", {
          strength: points(strength),
          weakness: points(weakness),
          urgent: points(urgent),
        })}
      </p>
      <div className="grid">
        {groups.map((group) => (
          <section
            key={group.band}
            className={`card band-card band-card-${group.band}`}
            aria-labelledby={`band-${group.band}`}
          >
            <h3 id={`band-${group.band}`}>
              {t(`analysis.band.${group.band}`)} <span className="subtitle">{group.rule}</span>
            </h3>
            {group.numbers.length === 0 ? (
              <p className="muted">{t("analysis.bands.none")}</p>
            ) : (
              <ul className="band-items">
                {group.numbers.map((number) => {
                  const indicator = byNumber.get(number);
                  if (!indicator) return null;
                  return (
                    <li key={number}>
                      <Link to={indicatorPath(number)}>
                        {t("analysis.bands.item", {
                          number,
                          name: localText(indicator.name, language),
                        })}
                      </Link>{" "}
                      <span className="nowrap">
                        {t("analysis.bands.points", {
                          score: formatScore(indicator.score, language),
                        })}
                      </span>
                      {urgentSet.has(number) && (
                        <>
                          {" "}
                          <BandBadge band="urgent" />
                        </>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            {group.band === "weakness" && result.urgent.length > 0 && (
              <p className="muted">{t("analysis.bandRule.urgent", { value: points(urgent) })}</p>
            )}
          </section>
        ))}
        <section className="card" aria-labelledby="gaps-heading">
          <h3 id="gaps-heading">{t("analysis.gaps.heading")}</h3>
          <ul className="band-items">
            {result.gaps.map((gap) => (
              <li key={gap.target}>
                {gap.gap > 0
                  ? t("analysis.gaps.gap", {
                      target: points(gap.target),
                      gap: formatScore(gap.gap, language),
                    })
                  : t("analysis.gaps.reached", { target: points(gap.target) })}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
