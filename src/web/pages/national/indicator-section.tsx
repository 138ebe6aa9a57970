import { lazy, Suspense, useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { NationalOverview } from "../../../shared/national.ts";
import { Loading } from "../../components/status-panels.tsx";
import { TableRegion } from "../../components/table-region.tsx";
import { formatScore } from "../../format.ts";
import { formatPoints, localText } from "../analysis/local-text.ts";

const BarChart = lazy(async () => ({ default: (await import("./bar-chart.tsx")).BarChart }));

const STRONG = "#0b5394";
const WEAK = "#a15c00";

/** Each indicator's national mean as a chart and a table; the weakest are marked in words too. */
export function IndicatorSection({ overview }: { overview: NationalOverview }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { indicators, target } = overview;
  const name = useCallback(
    (i: NationalOverview["indicators"][number]) =>
      t("national.indicators.name", { number: i.number, name: localText(i.name, language) }),
    [t, language],
  );
  const score = useCallback((value: number) => formatScore(value, language), [language]);
  const chart = useMemo(
    () => ({
      categories: indicators.map(name),
      values: indicators.map((i) => i.mean),
      colours: indicators.map((i) => ((i.mean ?? 0) >= target.passMark ? STRONG : WEAK)),
      line: {
        value: target.passMark,
        label: t("national.indicators.line", { value: formatPoints(target.passMark, language) }),
      },
    }),
    [indicators, name, target.passMark, t, language],
  );
  if (indicators.length === 0) return null;
  return (
    <section aria-labelledby="indicators-heading" className="national-section">
      <h2 id="indicators-heading">{t("national.indicators.heading")}</h2>
      <div className="chart-and-table">
        <Suspense fallback={<Loading label={t("national.chartLoading")} />}>
          <BarChart
            label={t("national.indicators.chartLabel", { count: indicators.length })}
            height={indicators.length * 34 + 72}
            horizontal
            scores
            format={score}
            {...chart}
          />
        </Suspense>
        <TableRegion label={t("national.indicators.caption")}>
          <table>
            <caption>{t("national.indicators.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("national.indicators.indicator")}</th>
                <th scope="col">{t("national.indicators.tool")}</th>
                <th scope="col" className="number">
                  {t("national.columns.mean")}
                </th>
                <th scope="col" className="number">
                  {t("national.columns.agencies")}
                </th>
              </tr>
            </thead>
            <tbody>
              {indicators.map((i) => (
                <tr key={i.number}>
                  <th scope="row">{name(i)}</th>
                  <td>{i.tool}</td>
                  <td className="number">
                    {formatScore(i.mean, language)}
                    {i.mean !== null && i.mean < target.passMark && (
                      <span className="muted"> {t("national.indicators.belowMark")}</span>
                    )}
                  </td>
                  <td className="number">{i.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </div>
    </section>
  );
}
