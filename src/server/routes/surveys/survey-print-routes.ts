import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  codeGenerateBody,
  codeGenerateResponse,
  codesPdfQuery,
  surveyParams,
} from "../../../shared/survey.ts";
import type { AppContext } from "../../app.ts";
import { assertAllowed } from "../../auth/authorize.ts";
import { requireActor } from "../../plugins/session.ts";
import { generateSurveyCodes } from "../../services/generate-survey-codes.ts";
import { printSurveyCodes } from "../../services/print-survey-codes.ts";
import { printSurveyPoster } from "../../services/print-survey-poster.ts";
import { attachmentDisposition } from "../content-disposition.ts";
import { surveyOrigin } from "./survey-origin.ts";

const base = "/api/agencies/:agencyId/assessments/:assessmentId/surveys/:tool";
const tags = ["surveys"];
const pdfResponse = {
  description: "an A4 PDF",
  content: {
    "application/pdf": { schema: z.instanceof(Buffer).meta({ type: "string", format: "binary" }) },
  },
};

/** Printed single-use codes and posters: what a coordinator hands out or pins up. */
export function surveyPrintRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  const { frameworks, pdf } = context;
  return async (app) => {
    app.post(
      `${base}/codes`,
      {
        schema: {
          tags,
          summary: "สร้างรหัสใช้ครั้งเดียวชุดใหม่ / a new batch of single-use codes",
          params: surveyParams,
          body: codeGenerateBody,
          response: { 201: codeGenerateResponse },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertAllowed(actor, "survey.manage", request.params);
        const made = await generateSurveyCodes({
          db,
          frameworks,
          ...request.params,
          count: request.body.count,
          actor: actor.userId,
        });
        return reply.status(201).send(made);
      },
    );

    app.get(
      `${base}/codes.pdf`,
      {
        schema: {
          tags,
          summary: "บัตรรหัสของชุดหนึ่ง (PDF) / one batch's code cards as PDF",
          params: surveyParams,
          querystring: codesPdfQuery,
          response: { 200: pdfResponse },
        },
      },
      async (request, reply) => {
        assertAllowed(requireActor(request), "survey.manage", request.params);
        const bytes = await printSurveyCodes({
          db,
          frameworks,
          pdf,
          ...request.params,
          batch: request.query.batch,
          origin: surveyOrigin(context.publicUrl, request),
        });
        const { tool } = request.params;
        const name = `บัตรรหัส-${tool}-ชุดที่-${request.query.batch}.pdf`;
        return reply
          .type("application/pdf")
          .header("cache-control", "private, no-store")
          .header(
            "content-disposition",
            attachmentDisposition(name, `codes-${tool}-${request.query.batch}.pdf`),
          )
          .send(bytes);
      },
    );

    app.get(
      `${base}/poster.pdf`,
      {
        schema: {
          tags,
          summary: "โปสเตอร์เชิญตอบแบบสำรวจ (PDF) / a poster inviting people to answer",
          params: surveyParams,
          response: { 200: pdfResponse },
        },
      },
      async (request, reply) => {
        assertAllowed(requireActor(request), "survey.read", request.params);
        const bytes = await printSurveyPoster({
          db,
          frameworks,
          pdf,
          ...request.params,
          origin: surveyOrigin(context.publicUrl, request),
        });
        const { tool } = request.params;
        return reply
          .type("application/pdf")
          .header("cache-control", "private, no-store")
          .header(
            "content-disposition",
            attachmentDisposition(`โปสเตอร์-${tool}.pdf`, `poster-${tool}.pdf`),
          )
          .send(bytes);
      },
    );
  };
}
