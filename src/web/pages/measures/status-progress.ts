import type { MeasureStatus } from "../../../shared/measure.ts";

// Status and progress kept in agreement as people change either, as the server requires:
// progress is 100 exactly when the measure is done.

/** The statuses in the order work goes (the shared list's module also carries Zod, kept out of the app). */
export const statusOrder = [
  "planned",
  "in_progress",
  "done",
  "cancelled",
] as const satisfies readonly MeasureStatus[];

export interface StatusProgress {
  status: MeasureStatus;
  progress: number;
}

/** A new status: done means 100; leaving done goes back to the earlier progress (or 0). */
export function changeStatus(
  current: StatusProgress,
  status: MeasureStatus,
  earlier: number,
): StatusProgress {
  if (status === "done") return { status, progress: 100 };
  if (current.progress === 100) return { status, progress: earlier < 100 ? earlier : 0 };
  return { status, progress: current.progress };
}

/** A new progress: 100 means done; some progress means the work has started. */
export function changeProgress(current: StatusProgress, value: number): StatusProgress {
  const progress = Math.min(100, Math.max(0, Math.round(Number.isFinite(value) ? value : 0)));
  if (progress === 100) return { status: "done", progress };
  if (current.status === "done") return { status: "in_progress", progress };
  if (current.status === "planned" && progress > 0) return { status: "in_progress", progress };
  return { status: current.status, progress };
}

/** Past its due day and neither done nor cancelled; `today` is the server's day in Thailand. */
export function isOverdue(
  measure: { dueDate: string | null; status: MeasureStatus },
  today: string,
): boolean {
  if (!measure.dueDate || measure.status === "done" || measure.status === "cancelled") return false;
  return measure.dueDate < today;
}
