import { z } from "zod";

// Runs of the website checker over an assessment's OIT, as the page follows them.

export const oitCheckRun = z.object({
  id: z.string(),
  assessmentId: z.string(),
  status: z.enum(["queued", "running", "done", "failed"]),
  done: z.number().int(),
  total: z.number().int(),
  /** Why the run failed, in Thai; null otherwise. */
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type OitCheckRun = z.output<typeof oitCheckRun>;

export const latestOitCheckRun = z.object({ run: oitCheckRun.nullable() });
