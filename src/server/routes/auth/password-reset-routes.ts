import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  messageResponse,
  noContent,
  passwordResetConfirm,
  passwordResetRequest,
} from "../../../shared/auth.ts";
import { RESET_LINK_MINUTES, RESET_REQUESTS_PER_MINUTE } from "../../../shared/limits.ts";
import type { AppContext } from "../../app.ts";
import { confirmPasswordReset } from "../../services/confirm-password-reset.ts";
import { requestPasswordReset } from "../../services/request-password-reset.ts";

// Public routes (nobody is signed in when they forget a password), throttled per address.
const throttled = { rateLimit: { max: RESET_REQUESTS_PER_MINUTE, timeWindow: "1 minute" } };
const sent = `หากอีเมลนี้มีบัญชีในระบบ เราได้ส่งลิงก์ตั้งรหัสผ่านใหม่ไปแล้ว ลิงก์ใช้ได้ภายใน ${RESET_LINK_MINUTES} นาที`;

export function passwordResetRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { database, mailer, publicUrl, now } = context;
  return async (app) => {
    app.post(
      "/api/auth/password-reset",
      {
        schema: { tags: ["auth"], body: passwordResetRequest, response: { 202: messageResponse } },
        config: throttled,
      },
      async (request, reply) => {
        await requestPasswordReset({
          db: database.db,
          mailer,
          publicUrl,
          log: request.log,
          email: request.body.email,
          now: now(),
        });
        // The same answer whether or not the address has an account.
        return reply.status(202).send({ message: sent });
      },
    );
    app.post(
      "/api/auth/password-reset/confirm",
      {
        schema: { tags: ["auth"], body: passwordResetConfirm, response: { 204: noContent } },
        config: { ...throttled, changesAccess: true },
      },
      async (request, reply) => {
        await confirmPasswordReset({ db: database.db, ...request.body, now: now() });
        return reply.status(204).send(null);
      },
    );
  };
}
