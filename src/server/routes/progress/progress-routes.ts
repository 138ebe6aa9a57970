import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { assessmentParams } from "../../../shared/measure.ts";
import {
  progressParams,
  progressReportBody,
  progressReportResponse,
} from "../../../shared/progress.ts";
import type { AppContext } from "../../app.ts";
import { assertAllowed } from "../../auth/authorize.ts";
import { requireActor } from "../../plugins/session.ts";
import { getProgressReport } from "../../services/get-progress-report.ts";
import { listProgressReports } from "../../services/list-progress-reports.ts";
import { saveProgressReport } from "../../services/save-progress-report.ts";

const base = "/api/agencies/:agencyId/assessments/:assessmentId/progress";
const tags = ["progress reports"];

export function progressRoutes({ database: { db } }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      base,
      {
        schema: {
          tags,
          params: assessmentParams,
          response: { 200: z.array(progressReportResponse) },
        },
      },
      async (request) => {
        assertAllowed(requireActor(request), "measure.read", request.params);
        return listProgressReports({ db, ...request.params });
      },
    );
    app.get(
      `${base}/:kind`,
      { schema: { tags, params: progressParams, response: { 200: progressReportResponse } } },
      async (request) => {
        assertAllowed(requireActor(request), "measure.read", request.params);
        return getProgressReport({ db, ...request.params });
      },
    );
    app.put(
      `${base}/:kind`,
      {
        schema: {
          tags,
          params: progressParams,
          body: progressReportBody,
          response: { 200: progressReportResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertAllowed(actor, "progress.write", request.params);
        return saveProgressReport({
          db,
          ...request.params,
          report: request.body,
          actor: actor.userId,
        });
      },
    );
  };
}
