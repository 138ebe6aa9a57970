import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { userCreate, userCreated, userPage, usersQuery } from "../../../shared/users.ts";
import type { AppContext } from "../../app.ts";
import { assertAllowed } from "../../auth/authorize.ts";
import { NATIONAL_SCOPE } from "../../db/schema.ts";
import { requireActor } from "../../plugins/session.ts";
import { findUsers } from "../../services/find-users.ts";
import { inviteUser } from "../../services/invite-user.ts";

// Accounts across agencies: managing users in the national scope is for national administrators.
const national = { agencyId: NATIONAL_SCOPE };

export function userRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  return async (app) => {
    app.get(
      "/api/users",
      {
        config: { access: "national" },
        schema: { tags: ["users"], querystring: usersQuery, response: { 200: userPage } },
      },
      async (request) => {
        assertAllowed(requireActor(request), "user.manage", national);
        return findUsers({ db, ...request.query });
      },
    );
    app.post(
      "/api/users",
      {
        config: { access: "national", changesAccess: true },
        schema: { tags: ["users"], body: userCreate, response: { 201: userCreated } },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertAllowed(actor, "user.manage", national);
        const created = await inviteUser({
          db,
          mailer: context.mailer,
          publicUrl: context.publicUrl,
          log: request.log,
          actor: actor.userId,
          user: request.body,
          now: context.now(),
        });
        return reply.status(201).send(created);
      },
    );
  };
}
