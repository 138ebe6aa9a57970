import cookie from "@fastify/cookie";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { DomainError } from "../../domain/errors.ts";
import { SESSION_COOKIE } from "../../shared/limits.ts";
import type { Actor } from "../auth/authorize.ts";
import type { Database } from "../db/database.ts";
import { resolveSession } from "../services/sessions.ts";

export type SignedIn = Actor & { email: string; displayName: string; totpEnabled: boolean };

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in user, when the request carries a valid session cookie. */
    actor: SignedIn | undefined;
  }
}

/** Reads the session cookie on every request; routes that need a user call `requireActor`. */
export async function registerSessions(
  app: FastifyInstance,
  database: Database,
  now: () => Date,
): Promise<void> {
  await app.register(cookie);
  app.decorateRequest("actor", undefined);
  app.addHook("onRequest", async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    // Addresses no route claims (the admin app's files and shell) never need the user.
    const routed = request.routeOptions.url !== undefined;
    request.actor =
      token && routed ? await resolveSession({ db: database.db, token, now: now() }) : undefined;
  });
}

export function requireActor(request: FastifyRequest): SignedIn {
  if (request.actor) return request.actor;
  throw new DomainError("UNAUTHENTICATED", "sign in first", { userMessage: "กรุณาเข้าสู่ระบบก่อน" });
}
