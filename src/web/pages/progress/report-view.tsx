import { useTranslation } from "react-i18next";
import type { MeasureResponse } from "../../../shared/measure.ts";
import type { ProgressReportResponse } from "../../../shared/progress.ts";
import { ScrollRegion } from "../../components/scroll-region.tsx";
import { formatDate, formatDateTime } from "../../format.ts";

/** A saved report as it reads: its day, when it was last saved, the summary and each measure. */
export function ReportView({
  report,
  measures,
}: {
  report: ProgressReportResponse;
  measures: MeasureResponse[];
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const numbered = new Map(measures.map((m, i) => [m.id, { number: i + 1, title: m.title }]));
  return (
    <div className="report-view">
      <dl className="report-facts">
        <div>
          <dt>{t("progress.view.asOf")}</dt>
          <dd>{formatDate(report.asOf, language)}</dd>
        </div>
        <div>
          <dt>{t("progress.view.savedAt")}</dt>
          <dd>{formatDateTime(report.updatedAt, language)}</dd>
        </div>
      </dl>
      <h3>{t("progress.view.summary")}</h3>
      <p className="report-summary">{report.summary}</p>
      {report.entries.length > 0 && (
        <ScrollRegion label={t("progress.view.entries")}>
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col" className="number">
                  {t("progress.table.number")}
                </th>
                <th scope="col">{t("progress.table.measure")}</th>
                <th scope="col">{t("progress.table.status")}</th>
                <th scope="col" className="number">
                  {t("progress.table.progress")}
                </th>
                <th scope="col">{t("progress.table.note")}</th>
              </tr>
            </thead>
            <tbody>
              {report.entries.map((entry) => {
                const measure = numbered.get(entry.measureId);
                return (
                  <tr key={entry.measureId}>
                    <td className="number">{measure?.number ?? "–"}</td>
                    <th scope="row">{measure?.title ?? t("progress.view.deletedMeasure")}</th>
                    <td>
                      <span className={`badge status-badge status-${entry.status}`}>
                        {t(`measures.status.${entry.status}`)}
                      </span>
                    </td>
                    <td className="number">{entry.progress}%</td>
                    <td>{entry.note}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
