import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { AgencyResponse } from "../../shared/agency.ts";
import type { AssessmentDetailResponse } from "../../shared/assessment.ts";
import type { meResponse } from "../../shared/auth.ts";
import type { DashboardResponse } from "../../shared/dashboard.ts";
import { ApiError } from "./api-error.ts";
import { api } from "./client.ts";

export type Me = z.output<typeof meResponse>;

/** Query keys in one place, so a change can invalidate exactly what it touched. */
export const keys = {
  me: ["me"] as const,
  agencies: ["agencies"] as const,
  agency: (agencyId: string) => ["agency", agencyId] as const,
  dashboard: (agencyId: string) => ["agency", agencyId, "dashboard"] as const,
  assessment: (agencyId: string, assessmentId: string) =>
    ["agency", agencyId, "assessment", assessmentId] as const,
  measures: (agencyId: string, assessmentId: string) =>
    ["agency", agencyId, "assessment", assessmentId, "measures"] as const,
  // Not under `measures`, so refreshing the list does not refetch every measure's files.
  measureFiles: (agencyId: string, measureId: string) =>
    ["agency", agencyId, "measure-files", measureId] as const,
  progress: (agencyId: string, assessmentId: string) =>
    ["agency", agencyId, "assessment", assessmentId, "progress"] as const,
  /** Every result of the agency: an import may touch several years at once. */
  results: (agencyId: string) => ["agency", agencyId, "results"] as const,
  result: (agencyId: string, assessmentId: string) =>
    ["agency", agencyId, "results", assessmentId] as const,
  frameworks: ["frameworks"] as const,
  framework: (frameworkId: string) => ["frameworks", frameworkId] as const,
  analysis: (agencyId: string, assessmentId: string) =>
    ["agency", agencyId, "assessment", assessmentId, "analysis"] as const,
  analysisIndicator: (agencyId: string, assessmentId: string, indicator: number) =>
    ["agency", agencyId, "assessment", assessmentId, "analysis", indicator] as const,
  /** Also the details of each version, which sit under it. */
  documents: (agencyId: string, assessmentId: string) =>
    ["agency", agencyId, "assessment", assessmentId, "documents"] as const,
  document: (agencyId: string, assessmentId: string, documentId: string) =>
    ["agency", agencyId, "assessment", assessmentId, "documents", documentId] as const,
  /** The surveys' settings, links and counts (refreshed while the page is open). */
  surveys: (agencyId: string, assessmentId: string) =>
    ["agency", agencyId, "assessment", assessmentId, "surveys"] as const,
  surveyResults: (agencyId: string, assessmentId: string) =>
    ["agency", agencyId, "assessment", assessmentId, "surveys", "results"] as const,
  /** The OIT checklist with its findings, verdicts and score. */
  oit: (agencyId: string, assessmentId: string) =>
    ["agency", agencyId, "assessment", assessmentId, "oit"] as const,
  members: (agencyId: string) => ["agency", agencyId, "members"] as const,
  /** Every page and filter of the trail, and its chain check. */
  audit: (agencyId: string) => ["agency", agencyId, "audit"] as const,
};

/** Every analysis of an agency's years: a changed result changes the analysis of the year after. */
export function isAnalysisOf(agencyId: string) {
  return (query: { queryKey: readonly unknown[] }) =>
    query.queryKey[0] === "agency" &&
    query.queryKey[1] === agencyId &&
    query.queryKey.includes("analysis");
}

/** The signed-in user, or null when nobody is signed in; also fetched at start-up (app.tsx). */
export const meQuery = {
  queryKey: keys.me,
  queryFn: async (): Promise<Me | null> => {
    try {
      return await api<Me>("/api/auth/me");
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 60_000,
};

export function useMe() {
  return useQuery(meQuery);
}

export function useAgencies({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: keys.agencies,
    queryFn: () => api<AgencyResponse[]>("/api/agencies"),
    enabled,
  });
}

export function useDashboard(agencyId: string) {
  return useQuery({
    queryKey: keys.dashboard(agencyId),
    queryFn: () => api<DashboardResponse>(`/api/agencies/${agencyId}/dashboard`),
  });
}

export function useAssessment(agencyId: string, assessmentId: string | undefined) {
  return useQuery({
    queryKey: keys.assessment(agencyId, assessmentId ?? ""),
    queryFn: () =>
      api<AssessmentDetailResponse>(`/api/agencies/${agencyId}/assessments/${assessmentId}`),
    enabled: Boolean(assessmentId),
  });
}
