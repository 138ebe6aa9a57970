import { randomBytes } from "node:crypto";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { loginRequest, meResponse } from "../../../shared/auth.ts";
import { CSRF_COOKIE, LOGIN_ATTEMPTS_PER_MINUTE, SESSION_COOKIE } from "../../../shared/limits.ts";
import type { AppContext } from "../../app.ts";
import { requireActor } from "../../plugins/session.ts";
import { resolveSession, signIn, signOut } from "../../services/sessions.ts";

export function authRoutes({ database, publicUrl, now }: AppContext): FastifyPluginAsyncZod {
  const secureCookies = publicUrl?.startsWith("https://") ?? false;
  return async (app) => {
    app.post(
      "/api/auth/login",
      {
        schema: { tags: ["auth"], body: loginRequest, response: { 200: meResponse } },
        config: { rateLimit: { max: LOGIN_ATTEMPTS_PER_MINUTE, timeWindow: "1 minute" } },
      },
      async (request, reply) => {
        const session = await signIn({ db: database.db, ...request.body, now: now() });
        const cookie = {
          secure: secureCookies,
          sameSite: "lax" as const,
          path: "/",
          expires: session.expiresAt,
        };
        reply.setCookie(SESSION_COOKIE, session.token, { ...cookie, httpOnly: true });
        // Readable by our own pages only, which echo it in a header on every write.
        reply.setCookie(CSRF_COOKIE, randomBytes(24).toString("base64url"), cookie);
        const actor = await resolveSession({ db: database.db, token: session.token, now: now() });
        if (!actor) throw new Error("a session just opened does not resolve");
        return actor;
      },
    );
    app.post(
      "/api/auth/logout",
      { schema: { tags: ["auth"] }, config: { changesAccess: true } },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token) await signOut({ db: database.db, token });
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
        reply.clearCookie(CSRF_COOKIE, { path: "/" });
        return reply.status(204).send();
      },
    );
    app.get(
      "/api/auth/me",
      { schema: { tags: ["auth"], response: { 200: meResponse } } },
      async (request) => requireActor(request),
    );
  };
}
