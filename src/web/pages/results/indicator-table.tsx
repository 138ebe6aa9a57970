import { useTranslation } from "react-i18next";
import type { FrameworkDetail } from "../../../shared/framework.ts";
import { TableRegion } from "../../components/table-region.tsx";
import { formatScore } from "../../format.ts";

/** Each of the framework's indicators with its name, tool and score. */
export function IndicatorTable({
  framework,
  scores,
}: {
  framework: FrameworkDetail;
  scores: Record<string, number>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <TableRegion label={t("results.indicators")}>
      <table>
        <thead>
          <tr>
            <th scope="col" className="number">
              {t("results.indicatorNumber")}
            </th>
            <th scope="col">{t("results.indicatorName")}</th>
            <th scope="col">{t("results.tool")}</th>
            <th scope="col" className="number">
              {t("results.score")}
            </th>
          </tr>
        </thead>
        <tbody>
          {framework.indicators.map((indicator) => (
            <tr key={indicator.number}>
              <td className="number">{indicator.number}</td>
              <th scope="row">{language === "en" ? indicator.name.en : indicator.name.th}</th>
              <td>{indicator.tool}</td>
              <td className="number">{formatScore(scores[String(indicator.number)], language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
