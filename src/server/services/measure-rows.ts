import { DomainError } from "../../domain/errors.ts";
import type { MeasureResponse } from "../../shared/measure.ts";
import type { measures } from "../db/schema.ts";

// How measure rows leave the server, and the refusals every measure use case shares.

export type MeasureRow = typeof measures.$inferSelect;

export function toMeasureResponse(row: MeasureRow): MeasureResponse {
  return {
    id: row.id,
    assessmentId: row.assessmentId,
    position: row.position,
    title: row.title,
    steps: row.steps,
    responsible: row.responsible,
    indicators: row.indicators,
    oitItems: row.oitItems,
    monitoring: row.monitoring,
    startDate: row.startDate,
    dueDate: row.dueDate,
    status: row.status,
    progress: row.progress,
    evidenceLinks: row.evidenceLinks,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function measureNotFound(measureId: string): DomainError {
  return new DomainError("INPUT_NOT_FOUND", `no measure ${measureId} in this assessment`, {
    userMessage: "ไม่พบมาตรการนี้ในการประเมินของหน่วยงาน",
  });
}

export const measureSubject = { th: "ข้อมูลมาตรการไม่ถูกต้อง", en: "invalid measure" };
