import { useQuery } from "@tanstack/react-query";
import type { FrameworkDetail } from "../../../shared/framework.ts";
import type { SurveyListResponse, SurveyResultsResponse } from "../../../shared/survey.ts";
import { api } from "../../api/client.ts";
import { keys, useMe } from "../../api/queries.ts";

/** Counts change as people answer: the list refreshes every few seconds while it is shown. */
export const SURVEY_REFRESH_MS = 5_000;

export const surveysPath = (agencyId: string, assessmentId: string) =>
  `/api/agencies/${agencyId}/assessments/${assessmentId}/surveys`;

export function useSurveys(agencyId: string, assessmentId: string | undefined) {
  return useQuery({
    queryKey: keys.surveys(agencyId, assessmentId ?? ""),
    queryFn: () => api<SurveyListResponse>(surveysPath(agencyId, assessmentId ?? "")),
    enabled: Boolean(assessmentId),
    refetchInterval: SURVEY_REFRESH_MS,
  });
}

export function useSurveyResults(agencyId: string, assessmentId: string | undefined) {
  return useQuery({
    queryKey: keys.surveyResults(agencyId, assessmentId ?? ""),
    queryFn: () =>
      api<SurveyResultsResponse>(`${surveysPath(agencyId, assessmentId ?? "")}/results`),
    enabled: Boolean(assessmentId),
    // A refusal (scores hidden while collecting) is an answer, not a glitch to retry.
    retry: false,
  });
}

export function useFramework(frameworkId: string | undefined) {
  return useQuery({
    queryKey: keys.framework(frameworkId ?? ""),
    queryFn: () => api<FrameworkDetail>(`/api/frameworks/${frameworkId}`),
    enabled: Boolean(frameworkId),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** What the signed-in person may do with this agency's surveys (the server decides again). */
export function useSurveyRoles(agencyId: string) {
  const me = useMe();
  const memberships = me.data?.memberships ?? [];
  const national = memberships.some((m) => m.role === "national_admin");
  const has = (role: string) =>
    national || memberships.some((m) => m.agencyId === agencyId && m.role === role);
  return { manage: has("agency_admin"), phone: has("evaluator") };
}
