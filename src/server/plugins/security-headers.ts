import type { FastifyInstance } from "fastify";
import helmet from "helmet";

/**
 * Helmet's security headers on every response. The middleware is built once here: Fastify's
 * helmet plugin builds it again for every request, which cost the survey intake a few percent.
 * A route's own header of the same name (a page's stricter policy) still wins when sent.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  const secure = helmet();
  app.addHook("onRequest", (request, reply, done) => {
    secure(request.raw, reply.raw, (error?: unknown) =>
      done(error instanceof Error ? error : undefined),
    );
  });
}
