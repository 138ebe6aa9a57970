import { useQuery } from "@tanstack/react-query";
import type { AnalysisResponse, IndicatorAnalysisResponse } from "../../../shared/analysis.ts";
import type { FrameworkDetail } from "../../../shared/framework.ts";
import type { MeasureResponse } from "../../../shared/measure.ts";
import { api } from "../../api/client.ts";
import { keys } from "../../api/queries.ts";

const assessmentPath = (agencyId: string, assessmentId: string) =>
  `/api/agencies/${agencyId}/assessments/${assessmentId}`;

/** The analysis of the result the year's measures answer. */
export function useAnalysis(agencyId: string, assessmentId: string | undefined) {
  return useQuery({
    queryKey: keys.analysis(agencyId, assessmentId ?? ""),
    queryFn: () =>
      api<AnalysisResponse>(`${assessmentPath(agencyId, assessmentId ?? "")}/analysis`),
    enabled: Boolean(assessmentId),
  });
}

export function useIndicatorAnalysis(
  agencyId: string,
  assessmentId: string | undefined,
  indicator: number,
) {
  return useQuery({
    queryKey: keys.analysisIndicator(agencyId, assessmentId ?? "", indicator),
    queryFn: () =>
      api<IndicatorAnalysisResponse>(
        `${assessmentPath(agencyId, assessmentId ?? "")}/analysis/indicators/${indicator}`,
      ),
    enabled: Boolean(assessmentId) && Number.isInteger(indicator) && indicator > 0,
  });
}

/** A framework's level bands; frameworks are data that do not change while the app runs. */
export function useLevels(frameworkId: string | undefined) {
  return useQuery({
    queryKey: keys.framework(frameworkId ?? ""),
    queryFn: () => api<FrameworkDetail>(`/api/frameworks/${frameworkId}`),
    enabled: Boolean(frameworkId),
    staleTime: Number.POSITIVE_INFINITY,
    select: (framework) => framework.levels,
  });
}

export function useMeasures(agencyId: string, assessmentId: string) {
  return useQuery({
    queryKey: keys.measures(agencyId, assessmentId),
    queryFn: () => api<MeasureResponse[]>(`${assessmentPath(agencyId, assessmentId)}/measures`),
  });
}
