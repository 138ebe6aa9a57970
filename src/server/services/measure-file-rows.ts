import { DomainError } from "../../domain/errors.ts";
import type { MeasureFileResponse } from "../../shared/measure-file.ts";
import { measureFiles } from "../db/schema.ts";

// How evidence-file rows leave the server (never their bytes), and the shared refusal.

export const fileColumns = {
  id: measureFiles.id,
  measureId: measureFiles.measureId,
  name: measureFiles.fileName,
  type: measureFiles.contentType,
  size: measureFiles.size,
  sha256: measureFiles.sha256,
  createdAt: measureFiles.createdAt,
};

export function toFileResponse(row: {
  id: string;
  measureId: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  createdAt: Date;
}): MeasureFileResponse {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

export function fileNotFound(fileId: string): DomainError {
  return new DomainError("INPUT_NOT_FOUND", `no file ${fileId} on this measure`, {
    userMessage: "ไม่พบไฟล์นี้ในมาตรการ",
  });
}
