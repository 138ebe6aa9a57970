import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { DomainError } from "../../domain/errors.ts";
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from "../../shared/limits.ts";

const writes = new Set(["POST", "PUT", "PATCH", "DELETE"]);

// A page on another site can make the browser send our cookies, but cannot read our CSRF cookie
// to echo it in a header: a write that carries the session must carry the matching header too.
// Checked before the body is validated, so a forged request learns nothing about valid input.
export function registerCsrf(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    if (!writes.has(request.method) || !request.cookies[SESSION_COOKIE]) return;
    // Survey forms use no session; their idempotency key and single-use code or pass protect them.
    if (request.url.startsWith("/go/")) return;
    const cookie = request.cookies[CSRF_COOKIE] ?? "";
    const header = request.headers[CSRF_HEADER];
    const sent = typeof header === "string" ? header : "";
    const same =
      cookie.length > 0 &&
      cookie.length === sent.length &&
      timingSafeEqual(Buffer.from(cookie), Buffer.from(sent));
    if (!same)
      throw new DomainError("FORBIDDEN", "missing or wrong CSRF token", {
        userMessage: "คำขอนี้ไม่มีรหัสป้องกันการปลอมคำขอ (CSRF) ที่ถูกต้อง กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง",
      });
  });
}
