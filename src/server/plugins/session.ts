import cookie from "@fastify/cookie";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { DomainError } from "../../domain/errors.ts";
import { SESSION_COOKIE } from "../../shared/limits.ts";
import type { Actor } from "../auth/authorize.ts";
import { SessionCache } from "../auth/session-cache.ts";
import type { Database } from "../db/database.ts";
import { findSession } from "../services/sessions.ts";

export type SignedIn = Actor & { email: string; displayName: string; totpEnabled: boolean };

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in user, when the request carries a valid session cookie. */
    actor: SignedIn | undefined;
  }
  interface FastifyContextConfig {
    /** The route may change who can do what: this process forgets its sessions before answering. */
    changesAccess?: boolean;
  }
}

// How long a resolved session may be reused when no change notice came: a bound for the case
// where notices are lost without the connection noticing.
const CACHE_SECONDS = 30;
const CACHE_ENTRIES = 10_000;
const ACCESS_CHANNEL = "prongsai_access";

/** Reads the session cookie on every request; routes that need a user call `requireActor`. */
export async function registerSessions(
  app: FastifyInstance,
  database: Database,
  now: () => Date,
): Promise<void> {
  await app.register(cookie);
  app.decorateRequest("actor", undefined);
  const cache = new SessionCache<SignedIn>(CACHE_SECONDS * 1000, CACHE_ENTRIES);
  const stop = await database.subscribe(
    ACCESS_CHANNEL,
    (payload) => cache.heard(payload),
    (listening) => cache.listening(listening),
  );
  app.addHook("onClose", stop);
  app.addHook("onRequest", async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    // Addresses no route claims (the admin app's files and shell) never need the user.
    if (!token || request.routeOptions.url === undefined) return;
    const at = now();
    request.actor = cache.get(token, at.getTime());
    if (request.actor) return;
    const readAt = cache.generation();
    const found = await findSession({ db: database.db, token, now: at });
    if (!found) return;
    request.actor = found.actor;
    cache.set(token, found.actor, found.expiresAt, at.getTime(), readAt);
  });
  // This process's own changes are forgotten at once; other processes hear the database's notice.
  app.addHook("onSend", async (request) => {
    if (request.routeOptions.config.changesAccess) cache.forgetAll();
  });
}

export function requireActor(request: FastifyRequest): SignedIn {
  if (request.actor) return request.actor;
  throw new DomainError("UNAUTHENTICATED", "sign in first", { userMessage: "กรุณาเข้าสู่ระบบก่อน" });
}
