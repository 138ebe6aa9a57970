import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { agencyParams } from "../../../shared/agency.ts";
import { noticeQuery, noticeResponse } from "../../../shared/notice.ts";
import type { AppContext } from "../../app.ts";
import { assertAllowed } from "../../auth/authorize.ts";
import { requireActor } from "../../plugins/session.ts";
import { listNotices } from "../../services/list-notices.ts";

export function noticeRoutes({ database: { db } }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/agencies/:agencyId/notices",
      {
        schema: {
          tags: ["notices"],
          params: agencyParams,
          querystring: noticeQuery,
          response: { 200: z.array(noticeResponse) },
        },
      },
      async (request) => {
        assertAllowed(requireActor(request), "measure.read", request.params);
        return listNotices({ db, agencyId: request.params.agencyId, limit: request.query.limit });
      },
    );
  };
}
