import { DomainError } from "../../domain/errors.ts";
import type { MeasureStatus } from "../../shared/measure.ts";
import type { ProgressReportResponse } from "../../shared/progress.ts";
import type { progressReports } from "../db/schema.ts";

export type ProgressReportRow = typeof progressReports.$inferSelect;

export function toProgressResponse(row: ProgressReportRow): ProgressReportResponse {
  return {
    id: row.id,
    assessmentId: row.assessmentId,
    kind: row.kind,
    asOf: row.asOf,
    summary: row.summary,
    // Entries were checked against the statuses when written; the column only says string.
    entries: row.entries.map((e) => ({ ...e, status: e.status as MeasureStatus })),
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

export function progressReportNotFound(kind: string): DomainError {
  return new DomainError("INPUT_NOT_FOUND", `no ${kind} progress report yet`, {
    userMessage: "ยังไม่มีรายงานความก้าวหน้ารอบนี้",
  });
}
