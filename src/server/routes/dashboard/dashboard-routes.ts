import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { bangkokDay } from "../../../domain/thai/bangkok-day.ts";
import { agencyParams } from "../../../shared/agency.ts";
import { dashboardResponse } from "../../../shared/dashboard.ts";
import type { AppContext } from "../../app.ts";
import { assertAllowed } from "../../auth/authorize.ts";
import { requireActor } from "../../plugins/session.ts";
import { getDashboard } from "../../services/get-dashboard.ts";

export function dashboardRoutes({ database, now }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/agencies/:agencyId/dashboard",
      {
        schema: {
          tags: ["dashboard"],
          summary: "ภาพรวมของหน่วยงาน / the agency's year at a glance",
          params: agencyParams,
          response: { 200: dashboardResponse },
        },
      },
      async (request) => {
        assertAllowed(requireActor(request), "assessment.read", request.params);
        const today = bangkokDay(now());
        return getDashboard({ db: database.db, agencyId: request.params.agencyId, today });
      },
    );
  };
}
