import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { agencyParams, agencyResponse, agencyUpdate } from "../../../shared/agency.ts";
import { assertAllowed } from "../../auth/authorize.ts";
import type { Database } from "../../db/database.ts";
import { requireActor } from "../../plugins/session.ts";
import { getAgency, listAgencies, updateAgency } from "../../services/agencies.ts";

export function agencyRoutes({ db }: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/agencies",
      { schema: { tags: ["agencies"], response: { 200: z.array(agencyResponse) } } },
      async (request) => listAgencies({ db, actor: requireActor(request) }),
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
