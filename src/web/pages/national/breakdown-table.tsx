import { useTranslation } from "react-i18next";
import type { NationalBreakdownRow } from "../../../shared/national.ts";
import { TableRegion } from "../../components/table-region.tsx";
import { formatScore } from "../../format.ts";
import { formatPoints } from "../analysis/local-text.ts";

/** One breakdown, ranked by mean as the server sent it: rank, group, agencies, mean, pass rate. */
export function BreakdownTable({
  caption,
  groupHeading,
  rows,
  nameOf,
}: {
  caption: string;
  groupHeading: string;
  rows: readonly NationalBreakdownRow[];
  nameOf: (key: string | null) => string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <TableRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="number">
              {t("national.columns.rank")}
            </th>
            <th scope="col">{groupHeading}</th>
            <th scope="col" className="number">
              {t("national.columns.agencies")}
            </th>
            <th scope="col" className="number">
              {t("national.columns.mean")}
            </th>
            <th scope="col" className="number">
              {t("national.columns.passRate")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.key ?? ""}>
              <td className="number">{index + 1}</td>
              <th scope="row">{nameOf(row.key)}</th>
              <td className="number">{row.count}</td>
              <td className="number">{formatScore(row.mean, language)}</td>
              <td className="number">
                {formatPoints(row.passRate, language)}%{" "}
                <span className="muted">({row.passCount})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
