import { lazy, Suspense, useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { NationalOverview } from "../../../shared/national.ts";
import { Loading } from "../../components/status-panels.tsx";
import { TableRegion } from "../../components/table-region.tsx";
import { formatCount } from "../../format.ts";
import { formatPoints } from "../analysis/local-text.ts";

// ECharts loads in its own chunk, after the figures: the tables beside it are there at once.
const BarChart = lazy(async () => ({ default: (await import("./bar-chart.tsx")).BarChart }));

const PASS = "#1d6b35";
const BELOW = "#7a8599";

/** The totals' histogram as a chart and a table, and how many agencies reached each level. */
export function DistributionSection({ overview }: { overview: NationalOverview }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { histogram, levels, target } = overview;
  const count = useCallback((value: number) => formatCount(value, language), [language]);
  const range = (bin: { from: number; to: number }) =>
    t(bin.to === 100 ? "national.histogram.lastRange" : "national.histogram.range", {
      from: formatPoints(bin.from, language),
      to: formatPoints(bin.to, language),
    });
  const chart = useMemo(
    () => ({
      categories: histogram.map((b) => formatPoints(b.from, language)),
      values: histogram.map((b) => b.count),
      colours: histogram.map((b) => (b.from >= target.passMark ? PASS : BELOW)),
    }),
    [histogram, target.passMark, language],
  );
  return (
    <section aria-labelledby="distribution-heading" className="national-section">
      <h2 id="distribution-heading">{t("national.histogram.heading")}</h2>
      <div className="chart-and-table">
        <Suspense fallback={<Loading label={t("national.chartLoading")} />}>
          <BarChart
            label={t("national.histogram.chartLabel", { count: overview.agencies.withResults })}
            height={300}
            horizontal={false}
            scores={false}
            format={count}
            {...chart}
          />
        </Suspense>
        <TableRegion label={t("national.histogram.caption")}>
          <table>
            <caption>{t("national.histogram.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("national.histogram.rangeHeading")}</th>
                <th scope="col" className="number">
                  {t("national.columns.agencies")}
                </th>
              </tr>
            </thead>
            <tbody>
              {histogram.map((bin) => (
                <tr key={bin.from}>
                  <th scope="row">{range(bin)}</th>
                  <td className="number">{count(bin.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </div>
      {levels.length > 0 && (
        <TableRegion label={t("national.levels.caption")}>
          <table>
            <caption>{t("national.levels.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("national.levels.level")}</th>
                <th scope="col" className="number">
                  {t("national.levels.from")}
                </th>
                <th scope="col" className="number">
                  {t("national.columns.agencies")}
                </th>
              </tr>
            </thead>
            <tbody>
              {levels.map((level) => (
                <tr key={level.id}>
                  <th scope="row">{level.id}</th>
                  <td className="number">{formatPoints(level.min, language)}</td>
                  <td className="number">{count(level.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
