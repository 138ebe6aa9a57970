import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { NationalOverview } from "../../../shared/national.ts";
import { api } from "../../api/client.ts";
import { type NationalParams, overviewPath, overviewQuery } from "./national-params.ts";

/** The national figures for the filters, as one query (also started early by the route). */
export function nationalOverviewQuery(params: NationalParams & { fiscalYear: number }) {
  return {
    queryKey: ["national", "overview", overviewQuery(params)],
    queryFn: () => api<NationalOverview>(overviewPath(params)),
    staleTime: 60_000,
  };
}

/** The national figures for the filters; the last answer stays on screen while the next loads. */
export function useNationalOverview(params: NationalParams & { fiscalYear: number }) {
  return useQuery({ ...nationalOverviewQuery(params), placeholderData: keepPreviousData });
}
