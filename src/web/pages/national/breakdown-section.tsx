import { useTranslation } from "react-i18next";
import type { NationalOverview } from "../../../shared/national.ts";
import { localText } from "../analysis/local-text.ts";
import { BreakdownTable } from "./breakdown-table.tsx";

/** The year's figures by region, province and kind of agency, each ranked by mean. */
export function BreakdownSection({ overview }: { overview: NationalOverview }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { choices } = overview;
  const names = (entries: [string, { th: string; en: string }][]) => {
    const map = new Map(entries);
    return (key: string | null) => {
      const found = key === null ? undefined : map.get(key);
      return found ? localText(found, language) : (key ?? t("national.breakdown.unknown"));
    };
  };
  return (
    <section aria-labelledby="breakdown-heading" className="national-section">
      <h2 id="breakdown-heading">{t("national.breakdown.heading")}</h2>
      <div className="grid">
        <BreakdownTable
          caption={t("national.breakdown.byRegion")}
          groupHeading={t("national.breakdown.region")}
          rows={overview.byRegion}
          nameOf={names(choices.regions.map((r) => [r.id, r]))}
        />
        <BreakdownTable
          caption={t("national.breakdown.byType")}
          groupHeading={t("national.breakdown.type")}
          rows={overview.byType}
          nameOf={names(choices.types.map((k) => [k.th, k]))}
        />
      </div>
      <BreakdownTable
        caption={t("national.breakdown.byProvince")}
        groupHeading={t("national.breakdown.province")}
        rows={overview.byProvince}
        nameOf={names(choices.provinces.map((p) => [p.th, p]))}
      />
    </section>
  );
}
