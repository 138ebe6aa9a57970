import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { agencyParams } from "../../../shared/agency.ts";
import {
  assessmentDetailResponse,
  assessmentParams,
  assessmentResponse,
  fiscalYearParams,
  openYearBody,
  openYearResponse,
} from "../../../shared/assessment.ts";
import type { AppContext } from "../../app.ts";
import { assertAllowed } from "../../auth/authorize.ts";
import { NATIONAL_SCOPE } from "../../db/schema.ts";
import { requireActor } from "../../plugins/session.ts";
import { getAssessment } from "../../services/get-assessment.ts";
import { listAssessments } from "../../services/list-assessments.ts";
import { openFiscalYear } from "../../services/open-fiscal-year.ts";

export function assessmentRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  return async (app) => {
    app.post(
      "/api/fiscal-years/:fiscalYear/open",
      {
        config: { access: "national" },
        schema: {
          tags: ["assessments"],
          params: fiscalYearParams,
          body: openYearBody.nullish(),
          response: { 200: openYearResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        // Opening a year is national: it is authorised in the national scope, not one agency's.
        assertAllowed(actor, "assessment.open", { agencyId: NATIONAL_SCOPE });
        return openFiscalYear({
          db,
          frameworks: context.frameworks,
          actor: actor.userId,
          fiscalYear: request.params.fiscalYear,
          frameworkId: request.body?.frameworkId,
          agencyIds: request.body?.agencyIds,
        });
      },
    );
    app.get(
      "/api/agencies/:agencyId/assessments",
      {
        schema: {
          tags: ["assessments"],
          params: agencyParams,
          response: { 200: z.array(assessmentResponse) },
        },
      },
      async (request) => {
        assertAllowed(requireActor(request), "assessment.read", request.params);
        return listAssessments({ db, agencyId: request.params.agencyId });
      },
    );
    app.get(
      "/api/agencies/:agencyId/assessments/:assessmentId",
      {
        schema: {
          tags: ["assessments"],
          params: assessmentParams,
          response: { 200: assessmentDetailResponse },
        },
      },
      async (request) => {
        assertAllowed(requireActor(request), "assessment.read", request.params);
        return getAssessment({
          db,
          frameworks: context.frameworks,
          ...request.params,
          now: context.now(),
        });
      },
    );
  };
}
