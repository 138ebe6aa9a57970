import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import type { DashboardResponse } from "../../../shared/dashboard.ts";
import type { FrameworkDetail, FrameworkSummary } from "../../../shared/framework.ts";
import type { ResultResponse } from "../../../shared/result.ts";
import { ApiError } from "../../api/api-error.ts";
import { api } from "../../api/client.ts";
import { keys, useMe } from "../../api/queries.ts";
import { useYear } from "../use-year.ts";

export type DashboardAssessment = DashboardResponse["assessments"][number];

export interface ResultYear {
  fiscalYear: number;
  role: "analysed" | "lastYear" | "thisYear";
  assessment: DashboardAssessment | undefined;
}

// Thai fiscal year Y runs from 1 October of (Y − 544) CE to 30 September of (Y − 543) CE.
function yearIsOver(fiscalYear: number, today: string): boolean {
  return today >= `${fiscalYear - 543}-10-01`;
}

/**
 * The years whose result the page offers: the one the year's measures analyse (the latest earlier
 * year with a result, else last year, ADR 0005), last year, and this year once it has a result
 * or is over; oldest first.
 */
export function resultYears({
  assessments,
  fiscalYear,
  today,
}: {
  assessments: readonly DashboardAssessment[];
  fiscalYear: number;
  today: string;
}): { years: ResultYear[]; analysedYear: number } {
  const find = (year: number) => assessments.find((a) => a.fiscalYear === year);
  const analysedYear =
    assessments
      .filter((a) => a.fiscalYear < fiscalYear && a.result)
      .sort((a, b) => b.fiscalYear - a.fiscalYear)[0]?.fiscalYear ?? fiscalYear - 1;
  const showOwn = Boolean(find(fiscalYear)?.result) || yearIsOver(fiscalYear, today);
  const wanted = [...new Set([analysedYear, fiscalYear - 1, ...(showOwn ? [fiscalYear] : [])])];
  const years = wanted
    .sort((a, b) => a - b)
    .map(
      (year): ResultYear => ({
        fiscalYear: year,
        role: year === analysedYear ? "analysed" : year === fiscalYear ? "thisYear" : "lastYear",
        assessment: find(year),
      }),
    );
  return { years, analysedYear };
}

/** The page's years and the chosen one, kept in the address (?year=) so it survives a reload. */
export function useResultYears() {
  const { agencyId, fiscalYear, dashboard } = useYear();
  const [search] = useSearchParams();
  const { years, analysedYear } = resultYears({
    assessments: dashboard.data?.assessments ?? [],
    fiscalYear,
    today: dashboard.data?.today ?? "",
  });
  const asked = Number(search.get("year"));
  const chosen =
    years.find((y) => y.fiscalYear === asked) ?? years.find((y) => y.role === "analysed");
  return { agencyId, fiscalYear, dashboard, years, analysedYear, chosen };
}

/** The assessment's result, or null while it has none (the API answers 404). */
export function useResult(agencyId: string, assessmentId: string | undefined) {
  return useQuery({
    queryKey: keys.result(agencyId, assessmentId ?? ""),
    queryFn: async () => {
      try {
        return await api<ResultResponse>(
          `/api/agencies/${agencyId}/assessments/${assessmentId}/result`,
        );
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled: Boolean(assessmentId),
  });
}

/** The framework of a year: the assessment's own, else the one loaded for that fiscal year. */
export function useYearFramework(fiscalYear: number, frameworkId: string | undefined) {
  const list = useQuery({
    queryKey: keys.frameworks,
    queryFn: () => api<FrameworkSummary[]>("/api/frameworks"),
    enabled: !frameworkId,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const id = frameworkId ?? list.data?.find((f) => f.fiscalYear === fiscalYear)?.id;
  const framework = useQuery({
    queryKey: keys.framework(id ?? ""),
    queryFn: () => api<FrameworkDetail>(`/api/frameworks/${id}`),
    enabled: Boolean(id),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return framework;
}

/** Whether the signed-in person may write this agency's results (the server decides; this hides buttons). */
export function useCanWriteResults(agencyId: string): boolean {
  const me = useMe();
  return (me.data?.memberships ?? []).some(
    (m) =>
      m.role === "national_admin" ||
      (m.agencyId === agencyId && (m.role === "agency_admin" || m.role === "evaluator")),
  );
}
