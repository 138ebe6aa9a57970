import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { DomainError } from "../../../domain/errors.ts";
import { httpStatusOf } from "../../plugins/error-handler.ts";

// Respondent pages are HTML forms for people on slow phones: errors are Thai pages, nothing is
// cached or sent on as a referrer, and forms may post only to this site.

type SurveyPages = typeof import("../../pages/survey/survey-pages.ts");
let pages: Promise<SurveyPages> | undefined;

/** The renderers, loaded on first use so React's server renderer costs nothing at start-up. */
export function surveyPages(): Promise<SurveyPages> {
  pages ??= import("../../pages/survey/survey-pages.ts");
  return pages;
}

/** No script at all; styles inline, fonts and form posts to this site only. */
export const SURVEY_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; font-src 'self'; img-src 'self' data:; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const wrongAddress = "ไม่พบแบบสำรวจตามลิงก์นี้ กรุณาตรวจสอบลิงก์หรือสแกนคิวอาร์โค้ดอีกครั้ง";

/** Sends a rendered page with its status. */
export function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .status(status)
    .header("content-security-policy", SURVEY_CSP)
    .type("text/html; charset=utf-8")
    .send(html);
}

/** Inside `app` (registered under /go): form bodies, private headers, and Thai error pages. */
export function registerSurveyHtml(app: FastifyInstance): void {
  // Plain HTML forms; the last of repeated fields wins, and no key can reach a prototype.
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 64 * 1024 },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );
  app.addHook("onSend", async (_request, reply) => {
    reply.header("cache-control", "no-store").header("referrer-policy", "no-referrer");
  });
  app.setErrorHandler(async (error: FastifyError, _request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const inAddress = error.validationContext === "params";
      return sendError(reply, inAddress ? 404 : 400, inAddress ? wrongAddress : formProblem);
    }
    if (error instanceof DomainError) {
      const status = httpStatusOf(error.code);
      // No request details: the respondent's address must never reach a log line.
      if (status >= 500) app.log.error({ err: error }, "survey page failed");
      return sendError(reply, status, error.userMessage);
    }
    if (error.statusCode && error.statusCode < 500)
      return sendError(reply, error.statusCode, formProblem);
    app.log.error({ err: error }, "survey page failed");
    return sendError(reply, 500, "เกิดข้อผิดพลาดภายในระบบ คำตอบยังไม่ถูกบันทึก กรุณาลองส่งอีกครั้ง");
  });
  app.setNotFoundHandler(async (_request, reply) => sendError(reply, 404, wrongAddress));
}

const formProblem = "แบบฟอร์มไม่สมบูรณ์ กรุณาเปิดลิงก์แบบสำรวจแล้วเริ่มใหม่";

async function sendError(
  reply: FastifyReply,
  status: number,
  message: string,
): Promise<FastifyReply> {
  const { renderErrorPage } = await surveyPages();
  return sendPage(reply, status, renderErrorPage(status, message));
}
