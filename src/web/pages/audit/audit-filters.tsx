import { useTranslation } from "react-i18next";

export type Scope = "year" | "all";
export const pageSizes = [10, 25, 50, 100] as const;

/** Which entries to show: this year's or all of the agency's, and how many at a time. */
export function AuditFilters({
  scope,
  per,
  year,
  onScope,
  onPer,
}: {
  scope: Scope;
  per: number;
  year: number;
  onScope: (scope: Scope) => void;
  onPer: (per: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="audit-filters">
      <fieldset className="field">
        <legend>{t("audit.filter.legend")}</legend>
        <div className="inline">
          {(["year", "all"] as const).map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="scope"
                value={value}
                checked={scope === value}
                onChange={() => onScope(value)}
              />
              {value === "year" ? t("audit.filter.year", { year }) : t("audit.filter.all")}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="field">
        <span>{t("audit.filter.pageSize")}</span>
        <select value={per} onChange={(event) => onPer(Number(event.target.value))}>
          {pageSizes.map((size) => (
            <option key={size} value={size}>
              {t("audit.filter.perPage", { count: size })}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
