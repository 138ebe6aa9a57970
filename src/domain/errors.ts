// Stable error codes shared by the CLI today and the HTTP error handler later.
export type ErrorCode =
  | "FRAMEWORK_INVALID"
  | "FRAMEWORK_NOT_FOUND"
  | "INPUT_INVALID"
  | "INPUT_NOT_FOUND"
  | "ANSWERS_INVALID"
  | "OFFICIAL_TOTAL_MISMATCH"
  | "DEPENDENCY_MISSING"
  | "RENDER_FAILED"
  | "CONFIG_INVALID"
  | "DATABASE_UNAVAILABLE"
  /** The process answers but is not yet ready to serve, e.g. its sibling workers are still starting. */
  | "NOT_READY"
  | "AUDIT_BROKEN"
  | "UNAUTHENTICATED"
  | "ACCOUNT_LOCKED"
  | "FORBIDDEN"
  | "RATE_LIMITED"
  | "CONFLICT"
  | "TOO_LARGE"
  | "TOTP_REQUIRED"
  /** Stored data lacks (or contradicts) what a document needs; the details say what to add. */
  | "DATA_INCOMPLETE";

export interface IssueDetail {
  /** Dotted path of the offending field, e.g. `measures.2.responsible.0`. */
  path: string;
  /** Thai explanation of what is wrong and how to fix it. */
  th: string;
  /** English explanation. */
  en: string;
}

export interface DomainErrorOptions {
  userMessage?: string;
  details?: IssueDetail[];
  cause?: unknown;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly details: IssueDetail[];

  constructor(code: ErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = "DomainError";
    this.code = code;
    this.userMessage = options.userMessage ?? message;
    this.details = options.details ?? [];
  }
}
