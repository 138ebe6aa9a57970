import { Readable } from "node:stream";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { loadNationalReference } from "../../../domain/content/national-reference.ts";
import { DomainError } from "../../../domain/errors.ts";
import { openCatalogQuery, openResultsFileParams } from "../../../shared/open-data.ts";
import type { AppContext } from "../../app.ts";
import { buildOpenDataCatalog } from "../../services/build-open-data-catalog.ts";
import { findOpenYear, type OpenYear } from "../../services/find-open-year.ts";
import { openResultPages } from "../../services/list-open-results.ts";
import { OPEN_DATA_LICENSE } from "../../services/open-data-terms.ts";
import { attachmentDisposition } from "../content-disposition.ts";
import { allowAnyOrigin, isFresh, openDataEtag } from "./open-data-cache.ts";
import { openResultsCsv, openResultsJson } from "./open-results-writers.ts";

// Every agency's results of a year as files anyone may download, and the catalogue that tells a
// national data portal where they are. Public, cached, rate-limited per address, open to any site.

const tags = ["open-data"];
const notModified = z.null().describe("unchanged since the ETag the client sent");
const streamed = z
  .instanceof(Readable)
  .meta({ type: "string", format: "binary", description: "the file, streamed" });
const notFoundText = z.string().describe("ไม่มีผลของปีนี้ / no results for this year (plain text)");

const formats = {
  csv: {
    type: "text/csv; charset=utf-8",
    description: "UTF-8 CSV with a byte-order mark; one row per agency, Thai / English headers",
  },
  json: {
    type: "application/json; charset=utf-8",
    description: "{ fiscalYear, license, indicators, rows }; one row per agency",
  },
} as const;

export function openDataRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  const { frameworks } = context;
  const reference = loadNationalReference();
  const config = {
    access: "public" as const,
    rateLimit: { max: context.openDataRatePerMinute, timeWindow: "1 minute" },
  };
  const baseUrl = (request: FastifyRequest) =>
    context.publicUrl?.replace(/\/+$/, "") ?? `${request.protocol}://${request.host}`;

  /** The year, or a plain Thai and English 404 for a year without results. */
  const yearOrNotFound = async (fiscalYear: number, reply: FastifyReply) => {
    try {
      return await findOpenYear({ db, frameworks, fiscalYear });
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== "INPUT_NOT_FOUND") throw error;
      reply
        .status(404)
        .header("cache-control", "no-store")
        .type("text/plain; charset=utf-8")
        .send(
          `ไม่มีผลการประเมินของปีงบประมาณ ${fiscalYear}\nNo results for fiscal year ${fiscalYear}.\n`,
        );
      return undefined;
    }
  };

  return async (app) => {
    allowAnyOrigin(app);

    for (const [extension, format] of Object.entries(formats))
      app.get(
        `/open-data/results/:fiscalYear.${extension}`,
        {
          config,
          schema: {
            tags,
            summary: `ผลการประเมินทุกหน่วยงานของปี (${extension.toUpperCase()}) / every agency's results of a year`,
            description:
              "One row per agency with a result that year: agency, kind, province, region, framework, each indicator's score, the overall, the level and the official figures when known. Streamed in pages by agency id. Licensed CC BY 4.0.",
            params: openResultsFileParams,
            response: {
              200: {
                description: format.description,
                content: { [format.type]: { schema: streamed } },
              },
              304: notModified,
              404: {
                description: "no results that year",
                content: { "text/plain": { schema: notFoundText } },
              },
            },
          },
        },
        async (request, reply) => {
          const year: OpenYear | undefined = await yearOrNotFound(request.params.fiscalYear, reply);
          if (!year) return reply;
          const etag = openDataEtag([extension, year.fiscalYear, year.count, year.latest]);
          if (isFresh(request, reply, etag)) return reply.status(304).send(null);
          const pages = openResultPages({ db, reference, year });
          const name = `ผลการประเมิน-ITA-ทุกหน่วยงาน-ปีงบประมาณ-${year.fiscalYear}.${extension}`;
          const body =
            extension === "csv"
              ? openResultsCsv(year.fields, pages)
              : openResultsJson(
                  {
                    fiscalYear: year.fiscalYear,
                    license: OPEN_DATA_LICENSE.url,
                    indicators: year.fields,
                  },
                  pages,
                );
          return reply
            .type(format.type)
            .header(
              "content-disposition",
              attachmentDisposition(name, `ita-results-${year.fiscalYear}.${extension}`),
            )
            .send(body);
        },
      );

    const catalogs = {
      json: { format: "data.json", type: "application/json; charset=utf-8" },
      jsonld: { format: "jsonld", type: "application/ld+json; charset=utf-8" },
    } as const;
    for (const [extension, catalog] of Object.entries(catalogs))
      app.get(
        `/open-data/catalog.${extension}`,
        {
          config,
          schema: {
            tags,
            summary:
              extension === "json"
                ? "แคตตาล็อกข้อมูลเปิด DCAT-US 1.1 (data.json) / the catalogue for ckanext-dcat's dcat_json harvester"
                : "แคตตาล็อกข้อมูลเปิด DCAT-AP (JSON-LD) / the catalogue for RDF harvesters",
            description:
              "One dataset per fiscal year with results, each with its CSV and JSON files. `page` is accepted and ignored: the catalogue is one page, so a harvester asking for page 2 sees the same datasets and stops.",
            querystring: openCatalogQuery,
            response: {
              200: {
                description: "the catalogue",
                content: { [catalog.type]: { schema: z.record(z.string(), z.unknown()) } },
              },
              304: notModified,
            },
          },
        },
        async (request, reply) => {
          const built = await buildOpenDataCatalog({
            db,
            baseUrl: baseUrl(request),
            format: catalog.format,
          });
          const etag = openDataEtag([extension, built.version]);
          if (isFresh(request, reply, etag)) return reply.status(304).send(null);
          return reply.type(catalog.type).send(built.body);
        },
      );
  };
}
