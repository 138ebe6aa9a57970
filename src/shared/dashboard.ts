import { z } from "zod";
import { agencyResponse } from "./agency.ts";

// The agency's year at a glance: each assessment with its result and where its measures stand.

const measureSummary = z.object({
  total: z.number().int(),
  planned: z.number().int(),
  inProgress: z.number().int(),
  done: z.number().int(),
  cancelled: z.number().int(),
  /** Not done or cancelled and past the due date. */
  overdue: z.number().int(),
  /** Not done or cancelled and due within the reminder window. */
  dueSoon: z.number().int(),
  /** Mean progress (%) of the measures that are not cancelled; null when there are none. */
  averageProgress: z.number().nullable(),
});

export const dashboardResponse = z.object({
  agency: agencyResponse,
  today: z.string(),
  assessments: z.array(
    z.object({
      id: z.string(),
      fiscalYear: z.number().int(),
      frameworkId: z.string(),
      result: z
        .object({
          computedOverall: z.number(),
          computedLevel: z.string(),
          officialOverall: z.number().nullable(),
          discrepancy: z.number().nullable(),
        })
        .nullable(),
      measures: measureSummary,
    }),
  ),
  /** Reminders raised today for this agency's measures. */
  noticesToday: z.number().int(),
});

export type DashboardResponse = z.output<typeof dashboardResponse>;
export type MeasureSummary = z.output<typeof measureSummary>;
