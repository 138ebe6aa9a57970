import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { AnalysedResult } from "../../../shared/analysis.ts";
import { NARROW_CHART_BELOW, useSvgChart } from "../../components/use-svg-chart.ts";
import { formatScore } from "../../format.ts";
import { analysisBands } from "./band-list.ts";
import { bandColours, previousColour } from "./bands.tsx";
import { buildChartOption, chartHeight, hasPrevious } from "./chart-option.ts";
import { formatPoints, localText } from "./local-text.ts";

export interface IndicatorChartProps {
  result: Pick<AnalysedResult, "indicators" | "thresholds" | "fiscalYear">;
  /** An indicator's bar was chosen. */
  onSelect: (indicator: number) => void;
}

/** This year's indicator scores beside last year's; the table after it holds the same figures. */
export function IndicatorChart({ result, onSelect }: IndicatorChartProps) {
  const { t, i18n } = useTranslation();
  const { ref, chart: instance, width } = useSvgChart();
  const { indicators, thresholds, fiscalYear } = result;
  const withPrevious = hasPrevious(indicators);

  useEffect(() => {
    if (!instance || width === 0) return;
    const language = i18n.language;
    instance.setOption(
      buildChartOption({
        indicators,
        thresholds,
        narrow: width < NARROW_CHART_BELOW,
        text: {
          name: (i) =>
            t("analysis.indicators.name", { number: i.number, name: localText(i.name, language) }),
          band: (band) => t(`analysis.band.${band}`),
          score: (value) => formatScore(value, language),
          points: (value) => formatPoints(value, language),
          thisYear: t("analysis.indicators.thisYear", { year: fiscalYear }),
          lastYear: t("analysis.indicators.lastYearSeries"),
          strength: (value) => t("analysis.indicators.thresholdStrength", { value }),
          weakness: (value) => t("analysis.indicators.thresholdWeakness", { value }),
          urgent: (value) => t("analysis.indicators.thresholdUrgent", { value }),
        },
      }),
      true,
    );
    instance.off("click");
    instance.on("click", (params) => {
      const indicator = indicators[params.dataIndex];
      if (indicator) onSelect(indicator.number);
    });
  }, [instance, indicators, thresholds, fiscalYear, width, t, i18n.language, onSelect]);

  const shown = analysisBands.filter((band) => indicators.some((i) => i.band === band));
  return (
    <figure className="indicator-chart">
      <div
        ref={ref}
        className="chart-canvas"
        role="img"
        aria-label={t(
          withPrevious
            ? "analysis.indicators.chartName"
            : "analysis.indicators.chartNameNoPrevious",
          { count: indicators.length, year: fiscalYear },
        )}
        style={{ height: chartHeight(indicators) }}
      />
      <figcaption>
        <span className="visually-hidden">{t("analysis.indicators.legend")}</span>
        <ul className="chart-legend">
          {shown.map((band) => (
            <li key={band}>
              <span
                className="swatch"
                style={{ background: bandColours[band] }}
                aria-hidden="true"
              />
              {t(`analysis.band.${band}`)}
            </li>
          ))}
          <li>
            <span className="swatch swatch-line" aria-hidden="true" />
            {t("analysis.indicators.thresholdLegend", {
              strength: formatPoints(thresholds.strength, i18n.language),
              weakness: formatPoints(thresholds.weakness, i18n.language),
            })}
          </li>
          {withPrevious && (
            <li>
              <span className="swatch" style={{ background: previousColour }} aria-hidden="true" />
              {t("analysis.indicators.lastYearSeries")}
            </li>
          )}
        </ul>
      </figcaption>
    </figure>
  );
}
