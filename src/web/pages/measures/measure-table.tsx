import { useTranslation } from "react-i18next";
import type { MeasureResponse } from "../../../shared/measure.ts";
import { ScrollRegion } from "../../components/scroll-region.tsx";
import { formatDate } from "../../format.ts";

export interface MeasureRow {
  measure: MeasureResponse;
  /** The measure's number in the whole plan (ที่), kept when the list is filtered. */
  number: number;
  overdue: boolean;
}

/** Which measure a row's button acts on, for screen readers (the row shows it to the eye). */
function Which({ n }: { n: number }) {
  const { t } = useTranslation();
  return <span className="visually-hidden"> {t("measures.table.ofMeasure", { n })}</span>;
}

/** The measures in the official table's shape, with where each stands and what can be done with it. */
export function MeasureTable({
  rows,
  canEdit,
  canDelete,
  onEdit,
  onProgress,
  onDelete,
}: {
  rows: MeasureRow[];
  canEdit: (measure: MeasureResponse) => boolean;
  canDelete: boolean;
  onEdit: (measure: MeasureResponse) => void;
  onProgress: (row: MeasureRow) => void;
  onDelete: (row: MeasureRow) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <ScrollRegion label={t("measures.table.caption")}>
      <table className="measures-table">
        <caption className="visually-hidden">{t("measures.table.caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="number">
              {t("measures.table.number")}
            </th>
            <th scope="col">{t("measures.table.measure")}</th>
            <th scope="col">{t("measures.table.steps")}</th>
            <th scope="col">{t("measures.table.responsible")}</th>
            <th scope="col">{t("measures.table.monitoring")}</th>
            <th scope="col">{t("measures.table.status")}</th>
            <th scope="col">{t("measures.table.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const { measure, number, overdue } = row;
            const editable = canEdit(measure);
            return (
              <tr key={measure.id} className={overdue ? "row-overdue" : undefined}>
                <td className="number">{number}</td>
                <th scope="row" className="measure-title">
                  <span>{measure.title}</span>
                  <span className="measure-tags">
                    {measure.indicators.map((n) => (
                      <span key={n} className="tag">
                        {t("measures.indicator", { n })}
                      </span>
                    ))}
                    {measure.oitItems.map((id) => (
                      <span key={id} className="tag">
                        {id}
                      </span>
                    ))}
                  </span>
                </th>
                <td>
                  <ol className="cell-list">
                    {measure.steps.map((step, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: steps are text in a fixed order
                      <li key={i}>{step}</li>
                    ))}
                  </ol>
                </td>
                <td>
                  <ul className="cell-list cell-list-plain">
                    {measure.responsible.map((division) => (
                      <li key={division}>{division}</li>
                    ))}
                  </ul>
                </td>
                <td>
                  <ul className="cell-list cell-list-plain">
                    {measure.monitoring.map((m, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: rows may repeat a day
                      <li key={i}>
                        <strong>{formatDate(m.date, language)}</strong> {m.activity}
                      </li>
                    ))}
                  </ul>
                  <p className="muted dates">
                    {measure.startDate && measure.dueDate
                      ? t("measures.table.period", {
                          start: formatDate(measure.startDate, language),
                          due: formatDate(measure.dueDate, language),
                        })
                      : null}
                  </p>
                </td>
                <td className="status-cell">
                  <span className={`badge status-badge status-${measure.status}`}>
                    {t(`measures.status.${measure.status}`)}
                  </span>
                  {overdue && (
                    <span className="badge badge-danger">{t("measures.table.overdue")}</span>
                  )}
                  <progress
                    max={100}
                    value={measure.progress}
                    aria-label={t("measures.table.progressOf", { n: number })}
                  />
                  <span className="progress-text">{measure.progress}%</span>
                  {measure.evidenceLinks.length > 0 && (
                    <p className="muted small">
                      {t("measures.table.links", { count: measure.evidenceLinks.length })}
                    </p>
                  )}
                </td>
                <td>
                  <div className="row-actions">
                    <button type="button" className="button" onClick={() => onProgress(row)}>
                      {editable
                        ? t("measures.table.updateProgress")
                        : t("measures.table.viewProgress")}
                      <Which n={number} />
                    </button>
                    {editable && (
                      <button type="button" className="button" onClick={() => onEdit(measure)}>
                        {t("measures.table.edit")}
                        <Which n={number} />
                      </button>
                    )}
                    {canDelete && (
                      <button
                        type="button"
                        className="button button-danger"
                        onClick={() => onDelete(row)}
                      >
                        {t("measures.table.delete")}
                        <Which n={number} />
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
