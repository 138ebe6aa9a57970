import { useTranslation } from "react-i18next";
import type { NationalOverview } from "../../../shared/national.ts";
import { localText } from "../analysis/local-text.ts";
import type { NationalParams } from "./national-params.ts";

type Choices = NationalOverview["choices"];

/** Year, region, province and kind of agency; each change is written into the address. */
export function NationalFilters({
  params,
  fiscalYear,
  choices,
  onChange,
}: {
  params: NationalParams;
  fiscalYear: number;
  choices: Choices | undefined;
  onChange: (
    patch: Partial<Record<"fiscalYear" | "region" | "province" | "type", string | null>>,
  ) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const years = [...new Set([fiscalYear, ...(choices?.years ?? [])])].sort((a, b) => b - a);
  const provinces = (choices?.provinces ?? []).filter(
    (p) => params.region === null || p.region === params.region,
  );
  return (
    <form
      className="national-filters"
      aria-label={t("national.filters.label")}
      onSubmit={(e) => e.preventDefault()}
    >
      <label className="field">
        <span>{t("national.filters.year")}</span>
        <select value={fiscalYear} onChange={(e) => onChange({ fiscalYear: e.target.value })}>
          {years.map((year) => (
            <option key={year} value={year}>
              {t("national.filters.yearOption", { year })}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t("national.filters.region")}</span>
        <select
          value={params.region ?? ""}
          // A province of another region would leave nobody: the province is cleared with it.
          onChange={(e) => onChange({ region: e.target.value || null, province: null })}
        >
          <option value="">{t("national.filters.allRegions")}</option>
          {(choices?.regions ?? []).map((r) => (
            <option key={r.id} value={r.id}>
              {localText(r, language)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t("national.filters.province")}</span>
        <select
          value={params.province ?? ""}
          onChange={(e) => onChange({ province: e.target.value || null })}
        >
          <option value="">{t("national.filters.allProvinces")}</option>
          {provinces.map((p) => (
            <option key={p.th} value={p.th}>
              {localText(p, language)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t("national.filters.type")}</span>
        <select
          value={params.type ?? ""}
          onChange={(e) => onChange({ type: e.target.value || null })}
        >
          <option value="">{t("national.filters.allTypes")}</option>
          {(choices?.types ?? []).map((type) => (
            <option key={type.th} value={type.th}>
              {localText(type, language)}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
