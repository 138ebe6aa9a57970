import { useTranslation } from "react-i18next";
import type { NationalOverview } from "../../../shared/national.ts";
import { formatCount, formatScore } from "../../format.ts";
import { formatPoints } from "../analysis/local-text.ts";

/** Agencies, mean total and the pass rate against the national target, with met or not in words. */
export function HeadlineTiles({ overview }: { overview: NationalOverview }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { agencies, pass, target } = overview;
  const count = (value: number) => formatCount(value, language);
  return (
    <ul className="national-tiles">
      <li className="card">
        <p className="tile-label">{t("national.tiles.agencies")}</p>
        <p className="big-number" elementtiming="national-headline">
          {count(agencies.withResults)}
        </p>
        <p className="muted">
          {t("national.tiles.agenciesOf", { count: count(agencies.inFilter) })}
        </p>
      </li>
      <li className="card">
        <p className="tile-label">{t("national.tiles.mean")}</p>
        <p className="big-number">{formatScore(overview.mean, language)}</p>
        <p className="muted">{t("national.tiles.meanHint")}</p>
      </li>
      <li className={`card ${pass.targetMet ? "tile-met" : "tile-not-met"}`}>
        <p className="tile-label">
          {t("national.tiles.passRate", { passMark: formatPoints(target.passMark, language) })}
        </p>
        <p className="big-number">
          {pass.rate === null ? "–" : `${formatPoints(pass.rate, language)}%`}
        </p>
        <p className="muted">
          {t("national.tiles.passCount", {
            count: count(pass.count),
            of: count(agencies.withResults),
          })}
        </p>
        <p className={`badge ${pass.targetMet ? "badge-ok" : "badge-danger"}`}>
          <span aria-hidden="true">{pass.targetMet ? "✓ " : "✗ "}</span>
          {t(pass.targetMet ? "national.tiles.met" : "national.tiles.notMet", {
            share: formatPoints(target.shareOfAgencies, language),
          })}
        </p>
      </li>
    </ul>
  );
}
