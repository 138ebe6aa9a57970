import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  assessmentParams,
  measureCreate,
  measureParams,
  measureResponse,
  measureUpdate,
} from "../../../shared/measure.ts";
import type { AppContext } from "../../app.ts";
import { assertAllowed } from "../../auth/authorize.ts";
import { requireActor } from "../../plugins/session.ts";
import { createMeasure } from "../../services/create-measure.ts";
import { deleteMeasure } from "../../services/delete-measure.ts";
import { getMeasure } from "../../services/get-measure.ts";
import { listMeasures } from "../../services/list-measures.ts";
import { toMeasureResponse } from "../../services/measure-rows.ts";
import { updateMeasure } from "../../services/update-measure.ts";

const base = "/api/agencies/:agencyId/assessments/:assessmentId/measures";
const tags = ["measures"];

export function measureRoutes({ database: { db }, frameworks }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      base,
      { schema: { tags, params: assessmentParams, response: { 200: z.array(measureResponse) } } },
      async (request) => {
        assertAllowed(requireActor(request), "measure.read", request.params);
        return listMeasures({ db, ...request.params });
      },
    );
    app.post(
      base,
      {
        schema: {
          tags,
          params: assessmentParams,
          body: measureCreate,
          response: { 201: measureResponse },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { agencyId } = request.params;
        // Officers may add a measure only when their own division is among those responsible.
        assertAllowed(actor, "measure.write", { agencyId, divisions: request.body.responsible });
        const created = await createMeasure({
          db,
          frameworks,
          ...request.params,
          actor: actor.userId,
          input: request.body,
        });
        return reply.status(201).send(created);
      },
    );
    app.get(
      `${base}/:measureId`,
      { schema: { tags, params: measureParams, response: { 200: measureResponse } } },
      async (request) => {
        assertAllowed(requireActor(request), "measure.read", request.params);
        return toMeasureResponse((await getMeasure({ db, ...request.params })).measure);
      },
    );
    app.patch(
      `${base}/:measureId`,
      {
        schema: {
          tags,
          params: measureParams,
          body: measureUpdate,
          response: { 200: measureResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const { agencyId } = request.params;
        assertAllowed(actor, "measure.read", { agencyId });
        const current = await getMeasure({ db, ...request.params });
        // The measure as it is, and as it would be: an officer cannot take over or hand away another's.
        assertAllowed(actor, "measure.write", { agencyId, divisions: current.measure.responsible });
        const { responsible } = request.body;
        if (responsible)
          assertAllowed(actor, "measure.write", { agencyId, divisions: responsible });
        return updateMeasure({
          db,
          frameworks,
          current,
          changes: request.body,
          actor: actor.userId,
        });
      },
    );
    app.delete(
      `${base}/:measureId`,
      { schema: { tags, params: measureParams, response: { 204: z.null() } } },
      async (request, reply) => {
        const actor = requireActor(request);
        assertAllowed(actor, "measure.delete", request.params);
        await deleteMeasure({ db, ...request.params, actor: actor.userId });
        return reply.status(204).send(null);
      },
    );
  };
}
