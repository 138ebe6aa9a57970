import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { oitEmptyBody, oitParams } from "../../../shared/oit.ts";
import { latestOitCheckRun, oitCheckRun } from "../../../shared/oit-check.ts";
import type { AppContext } from "../../app.ts";
import { assertAllowed } from "../../auth/authorize.ts";
import { requireActor } from "../../plugins/session.ts";
import { getLatestOitCheck } from "../../services/oit-check-runs.ts";
import { startOitCheck } from "../../services/start-oit-check.ts";

const base = "/api/agencies/:agencyId/assessments/:assessmentId/oit/check-runs";
const tags = ["oit"];

export function oitCheckRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  const { frameworks, oitChecks } = context;
  return async (app) => {
    app.post(
      base,
      {
        schema: {
          tags,
          summary: "สั่งตรวจเว็บไซต์ตามแบบ OIT / start a website check of the checklist",
          description:
            "Queued and run in the background (one at a time per assessment, 409 otherwise, and 409 when this server has no checker).",
          params: oitParams,
          body: oitEmptyBody,
          response: { 202: oitCheckRun },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertAllowed(actor, "oit.check", request.params);
        const { agencyId } = request.params;
        const run = await startOitCheck({
          db,
          frameworks,
          checker: oitChecks.checker,
          ...request.params,
          actor: actor.userId,
          now: context.now(),
          run: (runId) => oitChecks.run(agencyId, runId),
        });
        return reply.status(202).send(run);
      },
    );

    app.get(
      `${base}/latest`,
      {
        schema: {
          tags,
          summary: "ความคืบหน้าของการตรวจเว็บไซต์ล่าสุด / the latest website check and its progress",
          params: oitParams,
          response: { 200: latestOitCheckRun },
        },
      },
      async (request) => {
        assertAllowed(requireActor(request), "assessment.read", request.params);
        return getLatestOitCheck({ db, ...request.params });
      },
    );
  };
}
