import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { DomainError } from "../../../domain/errors.ts";
import { httpStatusOf } from "../../plugins/error-handler.ts";
import { publicPages } from "./load-pages.ts";
import { PAGE_CSP } from "./send-cached.ts";

// Public pages are opened from links, by people: a wrong address gets a Thai page, not JSON. A
// malformed id or year in the address is simply a page that does not exist.

const wrongAddress = "ไม่พบหน่วยงาน ปีงบประมาณ หรือเอกสารตามที่อยู่นี้";

/** Errors and unknown addresses inside `app` (registered under a prefix) answer with HTML pages. */
export function registerHtmlErrors(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) return sendError(reply, 404, wrongAddress);
    if (error instanceof DomainError) {
      const status = httpStatusOf(error.code);
      if (status >= 500) request.log.error(error);
      return sendError(reply, status === 400 ? 404 : status, error.userMessage);
    }
    if (error.statusCode && error.statusCode < 500)
      return sendError(reply, error.statusCode, "คำขอนี้ไม่ถูกต้อง");
    request.log.error(error);
    return sendError(reply, 500, "เกิดข้อผิดพลาดภายในระบบ");
  });
  app.setNotFoundHandler(async (_request, reply) => sendError(reply, 404, wrongAddress));
}

async function sendError(
  reply: FastifyReply,
  status: number,
  message: string,
): Promise<FastifyReply> {
  const { renderErrorPage } = await publicPages();
  return reply
    .status(status)
    .header("cache-control", "no-store")
    .header("content-security-policy", PAGE_CSP)
    .type("text/html; charset=utf-8")
    .send(renderErrorPage(status, message));
}
