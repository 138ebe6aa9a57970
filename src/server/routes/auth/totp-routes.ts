import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  noContent,
  totpDisableRequest,
  totpEnableRequest,
  totpSetupResponse,
} from "../../../shared/auth.ts";
import { LOGIN_ATTEMPTS_PER_MINUTE } from "../../../shared/limits.ts";
import type { AppContext } from "../../app.ts";
import { requireActor } from "../../plugins/session.ts";
import { disableTotp } from "../../services/disable-totp.ts";
import { enableTotp } from "../../services/enable-totp.ts";
import { setUpTotp } from "../../services/set-up-totp.ts";

// Self-service on one's own account: signing in is the authorisation, no agency is involved.
// Code and password checks are throttled per address like sign-in.
const throttled = {
  access: "signed-in" as const,
  rateLimit: { max: LOGIN_ATTEMPTS_PER_MINUTE, timeWindow: "1 minute" },
};

export function totpRoutes({ database, now }: AppContext): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    app.post(
      "/api/auth/totp/setup",
      {
        config: { access: "signed-in" },
        schema: { tags: ["auth"], response: { 200: totpSetupResponse } },
      },
      async (request) => setUpTotp({ db, userId: requireActor(request).userId }),
    );
    app.post(
      "/api/auth/totp/enable",
      {
        schema: { tags: ["auth"], body: totpEnableRequest, response: { 204: noContent } },
        config: { ...throttled, changesAccess: true },
      },
      async (request, reply) => {
        const { userId } = requireActor(request);
        await enableTotp({ db, userId, code: request.body.code, now: now() });
        return reply.status(204).send(null);
      },
    );
    app.post(
      "/api/auth/totp/disable",
      {
        schema: { tags: ["auth"], body: totpDisableRequest, response: { 204: noContent } },
        config: { ...throttled, changesAccess: true },
      },
      async (request, reply) => {
        const { userId } = requireActor(request);
        await disableTotp({ db, userId, ...request.body, now: now() });
        return reply.status(204).send(null);
      },
    );
  };
}
