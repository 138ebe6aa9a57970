/** One problem of a refused request, as the server lists it. */
export interface ProblemDetail {
  path?: string;
  th?: string;
  en?: string;
  message?: string;
}

/** A refused or failed request, carrying the server's code, Thai message and every listed problem. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ProblemDetail[];

  constructor(status: number, code: string, message: string, details: ProblemDetail[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** The Thai part of a bilingual "ไทย / English" server message, or the whole message. */
export function localMessage(message: string, language: string): string {
  const [thai, english] = message.split(" / ");
  if (language === "en" && english) return english;
  return thai ?? message;
}
