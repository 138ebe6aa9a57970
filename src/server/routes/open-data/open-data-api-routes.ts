import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { loadNationalReference } from "../../../domain/content/national-reference.ts";
import {
  openResultsPage,
  openResultsQuery,
  toOpenResultsResponse,
} from "../../../shared/open-data.ts";
import type { AppContext } from "../../app.ts";
import { listOpenResults } from "../../services/list-open-results.ts";
import { allowAnyOrigin, isFresh, openDataEtag } from "./open-data-cache.ts";

// The open results as paged JSON: the same rows as the files, filtered by province, kind of
// agency or region, in pages of at most 1,000 after the cursor (the last agency id seen).

const notModified = z.null().describe("unchanged since the ETag the client sent");

export function openDataApiRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  const { frameworks } = context;
  const reference = loadNationalReference();
  return async (app) => {
    allowAnyOrigin(app);
    app.get(
      "/api/open/results",
      {
        config: {
          access: "public",
          rateLimit: { max: context.openDataRatePerMinute, timeWindow: "1 minute" },
        },
        schema: {
          tags: ["open-data"],
          summary: "ผลการประเมินทุกหน่วยงาน แบ่งหน้า / every agency's results of a year, paged",
          description:
            "Rows of one fiscal year in agency-id order after `cursor`; `next` is the cursor of the following page, null on the last. `province` and `type` are Thai names, `region` a region id (north, northeast, central, east, west, south). A year without results is 404.",
          querystring: openResultsQuery,
          response: { 200: openResultsPage, 304: notModified },
        },
      },
      async (request, reply) => {
        const { year, page } = await listOpenResults({
          db,
          frameworks,
          reference,
          query: request.query,
        });
        const etag = openDataEtag(["api", year.count, year.latest, request.query]);
        if (isFresh(request, reply, etag)) return reply.status(304).send(null);
        return toOpenResultsResponse(await page());
      },
    );
  };
}
