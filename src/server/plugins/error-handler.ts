import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { z } from "zod";
import { DomainError, type ErrorCode, type IssueDetail } from "../../domain/errors.ts";
import { issueDetails } from "../../domain/validation.ts";
import type { NotFoundFallback } from "./web-app.ts";

// The one table from error codes to HTTP statuses; the body is always { error: { code, message, details } }.
const statusOf: Record<ErrorCode, number> = {
  FRAMEWORK_INVALID: 422,
  FRAMEWORK_NOT_FOUND: 404,
  INPUT_INVALID: 400,
  INPUT_NOT_FOUND: 404,
  ANSWERS_INVALID: 400,
  OFFICIAL_TOTAL_MISMATCH: 422,
  DEPENDENCY_MISSING: 503,
  RENDER_FAILED: 500,
  CONFIG_INVALID: 500,
  DATABASE_UNAVAILABLE: 503,
  NOT_READY: 503,
  AUDIT_BROKEN: 500,
  UNAUTHENTICATED: 401,
  ACCOUNT_LOCKED: 423,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  CONFLICT: 409,
  TOO_LARGE: 413,
  TOTP_REQUIRED: 401,
  DATA_INCOMPLETE: 422,
};

/** The HTTP status of an error code, for handlers that answer in another form than JSON. */
export function httpStatusOf(code: ErrorCode): number {
  return statusOf[code];
}

export interface ErrorBody {
  error: { code: string; message: string; details: IssueDetail[] };
}

export function registerErrorHandler(app: FastifyInstance, fallback?: NotFoundFallback): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      // The provider keeps each Zod issue apart from its code, path and message: put it back together.
      const where = String(error.validationContext ?? "body");
      const details = error.validation.flatMap((v) => {
        const issue = {
          ...v.params,
          code: v.keyword,
          path: v.instancePath.split("/").filter(Boolean),
          message: v.message ?? "invalid",
        };
        return isZodIssue(issue)
          ? issueDetails(issue, [where])
          : [{ path: where, th: "ข้อมูลไม่ถูกต้อง", en: v.message ?? "invalid" }];
      });
      return reply.status(400).send(body("INPUT_INVALID", "ข้อมูลที่ส่งมาไม่ถูกต้อง", details));
    }
    if (error instanceof DomainError)
      return reply
        .status(statusOf[error.code])
        .send(body(error.code, error.userMessage, error.details));
    if (isBrokenUpload(request.headers["content-type"], error))
      return reply.status(400).send(
        body("INPUT_INVALID", "ไฟล์ที่ส่งมาไม่ครบหรือรูปแบบเสีย กรุณาแนบไฟล์แล้วส่งใหม่", [
          {
            path: "file",
            th: "ข้อมูลแบบฟอร์มแนบไฟล์ (multipart/form-data) ขาดหรือผิดรูปแบบ",
            en: `the multipart/form-data upload is cut short or malformed: ${error.message}`,
          },
        ]),
      );
    if (error.statusCode && error.statusCode < 500)
      return reply.status(error.statusCode).send(body("BAD_REQUEST", error.message, []));
    request.log.error(error);
    return reply.status(500).send(body("INTERNAL", "เกิดข้อผิดพลาดภายในระบบ กรุณาลองใหม่", []));
  });
  app.setNotFoundHandler((request, reply) => {
    if (fallback?.(request, reply)) return reply;
    return reply
      .status(404)
      .send(body("NOT_FOUND", `ไม่พบ ${request.method} ${request.url} / not found`, []));
  });
}

// The multipart parser reports a cut or malformed upload as a plain error while the body streams in.
const brokenUpload = /multipart|boundary|part header|end of form/i;

function isBrokenUpload(contentType: string | undefined, error: FastifyError): boolean {
  return (
    contentType?.startsWith("multipart/") === true &&
    !(error instanceof DomainError) &&
    error.statusCode === undefined &&
    brokenUpload.test(error.message)
  );
}

function isZodIssue(value: unknown): value is z.core.$ZodIssue {
  return typeof value === "object" && value !== null && "code" in value && "path" in value;
}

function body(code: string, message: string, details: IssueDetail[]): ErrorBody {
  return { error: { code, message, details } };
}
