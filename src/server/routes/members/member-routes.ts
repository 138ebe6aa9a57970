import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { noContent } from "../../../shared/auth.ts";
import {
  memberCreate,
  memberCreated,
  memberParams,
  memberResponse,
  membersParams,
  memberUpdate,
} from "../../../shared/members.ts";
import type { AppContext } from "../../app.ts";
import { assertAllowed } from "../../auth/authorize.ts";
import { requireActor } from "../../plugins/session.ts";
import { addMember } from "../../services/add-member.ts";
import { changeMember } from "../../services/change-member.ts";
import { listMembers } from "../../services/list-members.ts";
import { removeMember } from "../../services/remove-member.ts";

export function memberRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  return async (app) => {
    app.get(
      "/api/agencies/:agencyId/members",
      {
        schema: {
          tags: ["members"],
          params: membersParams,
          response: { 200: z.array(memberResponse) },
        },
      },
      async (request) => {
        assertAllowed(requireActor(request), "user.read", request.params);
        return listMembers({ db, agencyId: request.params.agencyId });
      },
    );
    app.post(
      "/api/agencies/:agencyId/members",
      {
        schema: {
          tags: ["members"],
          params: membersParams,
          body: memberCreate,
          response: { 201: memberCreated },
        },
        config: { changesAccess: true },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertAllowed(actor, "user.manage", request.params);
        const added = await addMember({
          db,
          mailer: context.mailer,
          publicUrl: context.publicUrl,
          log: request.log,
          actor: actor.userId,
          agencyId: request.params.agencyId,
          member: request.body,
          now: context.now(),
        });
        return reply.status(201).send(added);
      },
    );
    app.patch(
      "/api/agencies/:agencyId/members/:userId",
      {
        schema: {
          tags: ["members"],
          params: memberParams,
          body: memberUpdate,
          response: { 200: memberResponse },
        },
        config: { changesAccess: true },
      },
      async (request) => {
        const actor = requireActor(request);
        assertAllowed(actor, "user.manage", request.params);
        return changeMember({ db, actor: actor.userId, ...request.params, change: request.body });
      },
    );
    app.delete(
      "/api/agencies/:agencyId/members/:userId",
      {
        schema: { tags: ["members"], params: memberParams, response: { 204: noContent } },
        config: { changesAccess: true },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertAllowed(actor, "user.manage", request.params);
        await removeMember({ db, actor: actor.userId, ...request.params });
        return reply.status(204).send(null);
      },
    );
  };
}
