import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  agencyCreate,
  agencyParams,
  agencyResponse,
  agencyUpdate,
} from "../../../shared/agency.ts";
import { assertAllowed } from "../../auth/authorize.ts";
import type { Database } from "../../db/database.ts";
import { NATIONAL_SCOPE } from "../../db/schema.ts";
import { requireActor } from "../../plugins/session.ts";
import { getAgency, listAgencies, updateAgency } from "../../services/agencies.ts";
import { createAgency } from "../../services/create-agency.ts";

export function agencyRoutes({ db }: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/agencies",
      { schema: { tags: ["agencies"], response: { 200: z.array(agencyResponse) } } },
      async (request) => listAgencies({ db, actor: requireActor(request) }),
    );
    app.post(
      "/api/agencies",
      {
        config: { access: "national" },
        schema: { tags: ["agencies"], body: agencyCreate, response: { 201: agencyResponse } },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertAllowed(actor, "agency.create", { agencyId: NATIONAL_SCOPE });
        const { headName, headPosition, nameEn, ...rest } = request.body;
        const { id } = await createAgency({
          db,
          actor: actor.userId,
          agency: {
            ...rest,
            nameEn: nameEn ?? undefined,
            head: { name: headName ?? undefined, position: headPosition },
          },
        });
        return reply.status(201).send(await getAgency({ db, agencyId: id }));
      },
    );
    app.get(
      "/api/agencies/:agencyId",
      { schema: { tags: ["agencies"], params: agencyParams, response: { 200: agencyResponse } } },
      async (request) => {
        assertAllowed(requireActor(request), "agency.read", request.params);
        return getAgency({ db, agencyId: request.params.agencyId });
      },
    );
    app.patch(
      "/api/agencies/:agencyId",
      {
        schema: {
          tags: ["agencies"],
          params: agencyParams,
          body: agencyUpdate,
          response: { 200: agencyResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertAllowed(actor, "agency.update", request.params);
        return updateAgency({
          db,
          actor: actor.userId,
          agencyId: request.params.agencyId,
          changes: request.body,
        });
      },
    );
  };
}
