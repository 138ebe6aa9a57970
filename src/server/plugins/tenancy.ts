import type { FastifyInstance } from "fastify";
import { assertMemberOf, assertNationalAdmin } from "../auth/authorize.ts";
import { requireActor } from "./session.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * "national": national administrators only; "signed-in": anyone signed in, about no one
     * agency; "public": no sign-in. Routes under /:agencyId need no declaration.
     */
    access?: "national" | "signed-in" | "public";
  }
}

// Before any input is parsed: a route under /api/agencies/:agencyId answers only members of that
// agency (and national administrators), so another agency's people learn nothing, not even
// which inputs would be valid. The route's own action check still follows in its handler.
export function registerTenancy(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const access = request.routeOptions.config.access;
    if (access === "public") return;
    if (access === "national") return assertNationalAdmin(requireActor(request));
    if (access === "signed-in") return void requireActor(request);
    const agencyId = (request.params as Record<string, unknown> | undefined)?.agencyId;
    if (typeof agencyId === "string") assertMemberOf(requireActor(request), agencyId);
  });
}
