import { useParams } from "react-router";
import { useDashboard } from "../api/queries.ts";

/** The agency and fiscal year in the address, with the year's assessment from the dashboard. */
export function useYear() {
  const { agencyId = "", fiscalYear = "" } = useParams();
  const dashboard = useDashboard(agencyId);
  const year = Number(fiscalYear);
  const assessment = dashboard.data?.assessments.find((a) => a.fiscalYear === year);
  const previous = dashboard.data?.assessments.find((a) => a.fiscalYear === year - 1);
  return { agencyId, fiscalYear: year, dashboard, assessment, previous };
}
