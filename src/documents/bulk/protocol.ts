import { DomainError, type ErrorCode, type IssueDetail } from "../../domain/errors.ts";
import type { DigitStyle } from "../../domain/thai/numerals.ts";
import type { DocumentModel } from "../model.ts";

/** Formats a worker renders; PDFs need the browser, which stays with the caller. */
export type WorkerFormat = "html" | "docx";

export interface DocumentTask {
  id: number;
  /** The agency-year file's data, as parsed from YAML or JSON. */
  raw: unknown;
  digits: DigitStyle;
  formats: WorkerFormat[];
  /** Send the model back, for a PDF rendered by the caller. */
  wantModel: boolean;
}

export interface SerializedError {
  code: ErrorCode | "UNEXPECTED";
  message: string;
  userMessage: string;
  details: IssueDetail[];
}

export type DocumentResult =
  | {
      id: number;
      ok: true;
      files: Partial<Record<WorkerFormat, Uint8Array>>;
      model: DocumentModel | undefined;
    }
  | { id: number; ok: false; error: SerializedError };

// Errors cross the thread boundary as plain data; DomainError's fields would not survive cloning.
export function serializeError(error: unknown): SerializedError {
  if (error instanceof DomainError)
    return {
      code: error.code,
      message: error.message,
      userMessage: error.userMessage,
      details: error.details,
    };
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { code: "UNEXPECTED", message, userMessage: "เกิดข้อผิดพลาดที่ไม่คาดคิด", details: [] };
}

export function deserializeError(error: SerializedError): Error {
  if (error.code === "UNEXPECTED") return new Error(error.message);
  return new DomainError(error.code, error.message, {
    userMessage: error.userMessage,
    details: error.details,
  });
}
