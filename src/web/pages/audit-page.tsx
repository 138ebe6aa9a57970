import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import type { AuditPage as AuditPageData } from "../../shared/audit.ts";
import { api } from "../api/client.ts";
import { keys, useDashboard } from "../api/queries.ts";
import { EmptyState, ErrorPanel, Loading } from "../components/status-panels.tsx";
import { AuditFilters, pageSizes, type Scope } from "./audit/audit-filters.tsx";
import { AuditTable } from "./audit/audit-table.tsx";
import { ChainCheck } from "./audit/chain-check.tsx";
import { useExportCsv } from "./audit/use-export-csv.ts";
import "./audit/audit.css";

/** Who changed what and when, for the coordinator and auditors, with the chain's check first. */
export function AuditPage() {
  const { t } = useTranslation();
  const { agencyId = "", fiscalYear = "" } = useParams();
  const year = Number(fiscalYear);
  const dashboard = useDashboard(agencyId);
  const [params, setParams] = useSearchParams();
  const scope: Scope = params.get("scope") === "all" ? "all" : "year";
  const requested = Number(params.get("per"));
  const per = pageSizes.find((size) => size === requested) ?? 25;
  const trail = useInfiniteQuery({
    queryKey: [...keys.audit(agencyId), "entries", scope, per],
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: String(per) });
      if (scope === "year") query.set("fiscalYear", String(year));
      if (pageParam !== undefined) query.set("before", String(pageParam));
      return api<AuditPageData>(`/api/agencies/${agencyId}/audit?${query}`);
    },
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const entries = trail.data?.pages.flatMap((page) => page.entries) ?? [];
  const exportCsv = useExportCsv();
  const [exported, setExported] = useState<number>();
  const agencyName = dashboard.data?.agency.name ?? "";
  const change = (next: { scope?: Scope; per?: number }) => {
    const merged = new URLSearchParams(params);
    merged.set("scope", next.scope ?? scope);
    merged.set("per", String(next.per ?? per));
    setParams(merged, { replace: true });
    setExported(undefined);
  };
  const onExport = () => {
    exportCsv(entries, `${agencyName}-${scope === "year" ? year : "all"}`);
    setExported(entries.length);
  };
  return (
    <>
      <h1>
        {t("audit.title")}
        <span className="subtitle">{t("audit.subtitle", { agency: agencyName })}</span>
      </h1>
      <p className="lead">{t("audit.intro")}</p>
      <ChainCheck agencyId={agencyId} />
      <AuditFilters
        scope={scope}
        per={per}
        year={year}
        onScope={(value) => change({ scope: value })}
        onPer={(value) => change({ per: value })}
      />
      {trail.isPending ? (
        <Loading />
      ) : !trail.data ? (
        <ErrorPanel error={trail.error} onRetry={() => void trail.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState title={t("audit.empty.title")}>{t("audit.empty.hint")}</EmptyState>
      ) : (
        <>
          <div className="inline audit-tools">
            <p className="muted">{t("audit.table.shown", { count: entries.length })}</p>
            <button type="button" className="button" onClick={onExport}>
              {t("audit.export.button")}
            </button>
          </div>
          {exported !== undefined && (
            <p role="status" className="panel panel-ok">
              {t("audit.export.done", { count: exported })}
            </p>
          )}
          <AuditTable entries={entries} />
          {trail.hasNextPage ? (
            <p>
              <button
                type="button"
                className="button"
                disabled={trail.isFetchingNextPage}
                onClick={() => void trail.fetchNextPage()}
              >
                {t("audit.table.more")}
              </button>
            </p>
          ) : (
            <p className="muted">{t("audit.table.end")}</p>
          )}
          {trail.isFetchingNextPage && <Loading label={t("audit.table.loadingMore")} />}
          {trail.isFetchNextPageError && (
            <ErrorPanel error={trail.error} onRetry={() => void trail.fetchNextPage()} />
          )}
        </>
      )}
    </>
  );
}
