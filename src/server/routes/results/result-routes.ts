import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { assessmentParams } from "../../../shared/assessment.ts";
import { resultBody, resultResponse } from "../../../shared/result.ts";
import type { AppContext } from "../../app.ts";
import { assertAllowed } from "../../auth/authorize.ts";
import { requireActor } from "../../plugins/session.ts";
import { enterResult } from "../../services/enter-result.ts";
import { getResult } from "../../services/get-result.ts";

const url = "/api/agencies/:agencyId/assessments/:assessmentId/result";

export function resultRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  return async (app) => {
    app.put(
      url,
      {
        schema: {
          tags: ["results"],
          params: assessmentParams,
          body: resultBody,
          response: { 200: resultResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertAllowed(actor, "results.write", request.params);
        return enterResult({
          db,
          frameworks: context.frameworks,
          actor: actor.userId,
          ...request.params,
          input: request.body,
        });
      },
    );
    app.get(
      url,
      {
        schema: { tags: ["results"], params: assessmentParams, response: { 200: resultResponse } },
      },
      async (request) => {
        assertAllowed(requireActor(request), "assessment.read", request.params);
        return getResult({ db, frameworks: context.frameworks, ...request.params });
      },
    );
  };
}
