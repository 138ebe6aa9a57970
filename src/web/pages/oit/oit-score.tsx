import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import type { OitChecklistResponse } from "../../../shared/oit.ts";
import { formatScore } from "../../format.ts";

type Score = NonNullable<OitChecklistResponse["score"]>;

/** Indicators 9–10 and their sub-indicators, preliminary or final, as a table. */
export function OitScore({ score }: { score: Score }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const name = (n: { th: string; en: string }) => (lang === "en" ? n.en : n.th);
  return (
    <div>
      <p className="muted">{t(score.final ? "oit.score.final" : "oit.score.preliminary")}</p>
      <table className="table">
        <caption className="visually-hidden">{t("oit.score.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("oit.score.what")}</th>
            <th scope="col">{t("oit.score.passed")}</th>
            <th scope="col">{t("oit.score.score")}</th>
          </tr>
        </thead>
        <tbody>
          {score.indicators.map((indicator) => (
            <Fragment key={indicator.number}>
              <tr className="oit-indicator-row">
                <th scope="row">
                  {t("oit.score.indicator", { number: indicator.number })} {name(indicator.name)}
                </th>
                <td />
                <td>{formatScore(indicator.score, lang)}</td>
              </tr>
              {score.subIndicators
                .filter((s) => s.indicator === indicator.number)
                .map((s) => (
                  <tr key={s.id}>
                    <th scope="row" className="oit-sub-row">
                      {s.id} {name(s.name)}
                    </th>
                    <td>{t("oit.score.ofItems", { passed: s.passed, items: s.items })}</td>
                    <td>{formatScore(s.score, lang)}</td>
                  </tr>
                ))}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
