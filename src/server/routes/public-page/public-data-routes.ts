import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { publicYearData, publicYearParams } from "../../../shared/public-page.ts";
import type { AppContext } from "../../app.ts";
import { getPublicYear } from "../../services/get-public-year.ts";
import { attachmentDisposition } from "../content-disposition.ts";
import { sendCached } from "./send-cached.ts";
import { yearCsv } from "./year-csv.ts";

// The public page's data for machines: the same figures as JSON and as CSV, open to any site.

const tags = ["public"];
const config = { access: "public" as const };
const notModified = z.null().describe("unchanged since the ETag the client sent");

export function publicDataRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  const linkBase = context.publicUrl?.replace(/\/+$/, "") ?? "";
  const yearData = (params: { agencyId: string; fiscalYear: number }) =>
    getPublicYear({ db, frameworks: context.frameworks, linkBase, ...params });

  return async (app) => {
    app.get(
      "/p/:agencyId/:fiscalYear/data.json",
      {
        config,
        schema: {
          tags,
          params: publicYearParams,
          response: { 200: publicYearData, 304: notModified },
        },
      },
      async (request, reply) => {
        // Parsed by its schema, so nothing beyond the documented fields can ever leave.
        const data = publicYearData.parse(await yearData(request.params));
        reply.header("access-control-allow-origin", "*");
        return sendCached(request, reply, JSON.stringify(data), "application/json; charset=utf-8");
      },
    );

    app.get(
      "/p/:agencyId/:fiscalYear/data.csv",
      {
        config,
        schema: {
          tags,
          params: publicYearParams,
          response: {
            200: {
              description:
                "UTF-8 CSV with a byte-order mark; one row per indicator, measure and file",
              content: { "text/csv": { schema: z.string() } },
            },
            304: notModified,
          },
        },
      },
      async (request, reply) => {
        const data = await yearData(request.params);
        const name = `ข้อมูล-ITA-${data.agency.name.replace(/\s+/g, "-")}-${data.fiscalYear}.csv`;
        reply
          .header("access-control-allow-origin", "*")
          .header("content-disposition", attachmentDisposition(name, `ita-${data.fiscalYear}.csv`));
        return sendCached(request, reply, yearCsv(data), "text/csv; charset=utf-8");
      },
    );
  };
}
