import "./national/national.css";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState, ErrorPanel, Loading } from "../components/status-panels.tsx";
import { AgencyList } from "./national/agency-list.tsx";
import { BreakdownSection } from "./national/breakdown-section.tsx";
import { currentFiscalYear } from "./national/current-fiscal-year.ts";
import { DistributionSection } from "./national/distribution-section.tsx";
import { HeadlineTiles } from "./national/headline-tiles.tsx";
import { IndicatorSection } from "./national/indicator-section.tsx";
import { MoversSection } from "./national/movers-section.tsx";
import { NationalFilters } from "./national/national-filters.tsx";
import { useNationalOverview } from "./national/use-national-overview.ts";
import { useNationalParams } from "./national/use-national-params.ts";

/** How every agency did in a fiscal year against the national target, down to each agency. */
export function NationalPage() {
  const { t } = useTranslation();
  const [params, update] = useNationalParams();
  const fiscalYear = params.fiscalYear ?? currentFiscalYear(new Date());
  const overview = useNationalOverview({ ...params, fiscalYear });
  const data = overview.data;

  // Without a year in the address, open the latest year that has results.
  const latest = data?.choices.years[0];
  const settle = params.fiscalYear === null && data?.agencies.withResults === 0;
  useEffect(() => {
    if (settle && latest !== undefined && latest !== fiscalYear)
      update({ fiscalYear: latest }, { replace: true });
  }, [settle, latest, fiscalYear, update]);

  return (
    <>
      <h1>
        {t("national.title")}
        <span className="subtitle">{t("national.subtitle", { year: fiscalYear })}</span>
      </h1>
      <NationalFilters
        params={params}
        fiscalYear={fiscalYear}
        choices={data?.choices}
        onChange={(patch) => update(patch)}
      />
      {overview.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <ErrorPanel error={overview.error} onRetry={() => void overview.refetch()} />
      ) : !data || data.agencies.withResults === 0 ? (
        <EmptyState title={t("national.empty", { year: fiscalYear })}>
          {t("national.emptyHint")}
        </EmptyState>
      ) : (
        <div aria-busy={overview.isPlaceholderData}>
          <HeadlineTiles overview={data} />
          <DistributionSection overview={data} />
          <IndicatorSection overview={data} />
          <BreakdownSection overview={data} />
          <MoversSection overview={data} />
          <AgencyList
            overview={data}
            q={params.q}
            sort={params.sort}
            onSearch={(q) => update({ q })}
            onSort={(sort) => update({ sort })}
            onPage={(page) => update({ page })}
          />
        </div>
      )}
    </>
  );
}
