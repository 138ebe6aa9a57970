import { Readable } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { bangkokDay } from "../../../domain/thai/bangkok-day.ts";
import {
  surveyExportParams,
  surveyExportQuery,
  surveyFlagsParams,
  surveyFlagsResponse,
} from "../../../shared/survey-integrity.ts";
import type { AppContext } from "../../app.ts";
import { assertAllowed } from "../../auth/authorize.ts";
import { requireActor } from "../../plugins/session.ts";
import { exportSurveyResponses } from "../../services/export-survey-responses.ts";
import { listSurveyFlags } from "../../services/list-survey-flags.ts";
import { attachmentDisposition } from "../content-disposition.ts";
import { surveyCsvStream, surveyXlsxStream } from "./survey-export-writers.ts";

const tags = ["surveys"];
const base = "/api/agencies/:agencyId/assessments/:assessmentId/surveys";

// Written while the responses are read, never held whole in memory.
const streamed = z
  .instanceof(Readable)
  .meta({ type: "string", format: "binary", description: "the file, streamed" });

const formats = {
  csv: {
    type: "text/csv; charset=utf-8",
    description: "UTF-8 CSV with a byte-order mark",
    write: surveyCsvStream,
  },
  xlsx: {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    description: "an Excel workbook",
    write: surveyXlsxStream,
  },
} as const;

export function surveyIntegrityRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  const { frameworks } = context;
  return async (app) => {
    app.get(
      `${base}/flags`,
      {
        schema: {
          tags,
          summary: "สัญญาณความผิดปกติของการเก็บแบบวัด / integrity flags of the survey collection",
          description:
            "Per survey tool: bursts seen while collecting, busy days, straight-lined and duplicated answer sets, more respondents than the population, and indicators far from last year's result. Counts and days only; never a response or its answers.",
          params: surveyFlagsParams,
          response: { 200: surveyFlagsResponse },
        },
      },
      async (request) => {
        assertAllowed(requireActor(request), "survey.integrity", request.params);
        return listSurveyFlags({ db, frameworks, ...request.params });
      },
    );
    for (const [extension, format] of Object.entries(formats))
      app.get(
        `${base}/export.${extension}`,
        {
          schema: {
            tags,
            summary: `ส่งออกคำตอบแบบไม่ระบุตัวตน (${extension.toUpperCase()}) / the anonymous responses of one tool`,
            description:
              "Responses in random order: the tool, the channel and each scored item's answer as its Thai label. No id, key, day or flag. Hidden from the agency (evaluators excepted) while collecting when the framework says so.",
            params: surveyExportParams,
            querystring: surveyExportQuery,
            response: {
              200: {
                description: format.description,
                content: { [format.type]: { schema: streamed } },
              },
            },
          },
        },
        async (request, reply) => {
          const actor = requireActor(request);
          assertAllowed(actor, "survey.results", request.params);
          const data = await exportSurveyResponses({
            db,
            frameworks,
            actor,
            ...request.params,
            tool: request.query.tool,
            today: bangkokDay(context.now()),
          });
          const name = `คำตอบแบบวัด-${data.tool}-ปี-${data.fiscalYear}.${extension}`;
          return reply
            .header("content-type", format.type)
            .header("cache-control", "no-store")
            .header(
              "content-disposition",
              attachmentDisposition(name, `survey-${data.tool}-${data.fiscalYear}.${extension}`),
            )
            .send(format.write(data));
        },
      );
  };
}
