import { useId } from "react";
import { useTranslation } from "react-i18next";
import { fiscalYearBounds, insideFiscalYear } from "../../fiscal-year.ts";
import { formatDate } from "../../format.ts";

/**
 * A day inside the fiscal year: the browser's date picker (limited to the year) with the chosen
 * day written out in the Buddhist era beside it, since pickers often show the Christian year.
 */
export function DateField({
  label,
  value,
  onChange,
  fiscalYear,
  name,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  fiscalYear: number;
  name?: string;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { start, end } = fiscalYearBounds(fiscalYear);
  const language = i18n.language;
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="date"
        value={value}
        min={start}
        max={end}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
      />
      <small id={`${id}-hint`}>
        {value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? (
          insideFiscalYear(value, fiscalYear) ? (
            <strong>{formatDate(value, language)} · </strong>
          ) : (
            <strong className="date-outside">
              {formatDate(value, language)} {t("measures.form.outsideYear")} ·{" "}
            </strong>
          )
        ) : null}
        {t("measures.form.dateRange", {
          start: formatDate(start, language),
          end: formatDate(end, language),
        })}
      </small>
    </div>
  );
}
