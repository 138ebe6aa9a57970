import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { bangkokDay } from "../../../domain/thai/bangkok-day.ts";
import {
  phoneEntryBody,
  phoneEntryResponse,
  surveyListParams,
  surveyListResponse,
  surveyParams,
  surveyResultsResponse,
  surveyUpdateBody,
} from "../../../shared/survey.ts";
import type { AppContext } from "../../app.ts";
import { assertAllowed } from "../../auth/authorize.ts";
import { requireActor } from "../../plugins/session.ts";
import { enterPhoneResponse } from "../../services/enter-phone-response.ts";
import { getSurveyResults } from "../../services/get-survey-results.ts";
import { listSurveys } from "../../services/list-surveys.ts";
import { updateSurvey } from "../../services/update-survey.ts";
import { surveyOrigin } from "./survey-origin.ts";

const base = "/api/agencies/:agencyId/assessments/:assessmentId/surveys";
const tags = ["surveys"];

export function surveyRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  const { frameworks } = context;
  return async (app) => {
    app.get(
      base,
      {
        schema: {
          tags,
          summary:
            "แบบสำรวจ ลิงก์ และจำนวนผู้ตอบเทียบขั้นต่ำ / surveys, links and responses against the minimum",
          params: surveyListParams,
          response: { 200: surveyListResponse },
        },
      },
      async (request) => {
        assertAllowed(requireActor(request), "survey.read", request.params);
        return listSurveys({
          db,
          frameworks,
          ...request.params,
          today: bangkokDay(context.now()),
          origin: surveyOrigin(context.publicUrl, request),
        });
      },
    );

    app.get(
      `${base}/results`,
      {
        schema: {
          tags,
          summary: "คะแนนแบบสำรวจจากผลรวมคำตอบ / survey scores from the tallies",
          description:
            "While collection is open and the framework hides scores, only evaluators and national administrators see them (403 with the reason for others).",
          params: surveyListParams,
          response: { 200: surveyResultsResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertAllowed(actor, "survey.results", request.params);
        return getSurveyResults({
          db,
          frameworks,
          ...request.params,
          today: bangkokDay(context.now()),
          actor,
        });
      },
    );

    app.put(
      `${base}/:tool`,
      {
        schema: {
          tags,
          summary: "ตั้งจำนวนประชากร วิธีเข้าตอบ และช่วงวัน / population, access and days",
          params: surveyParams,
          body: surveyUpdateBody,
          response: { 204: z.null().describe("saved") },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertAllowed(actor, "survey.manage", request.params);
        await updateSurvey({
          db,
          frameworks,
          ...request.params,
          body: request.body,
          actor: actor.userId,
        });
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${base}/:tool/phone`,
      {
        schema: {
          tags,
          summary: "บันทึกคำตอบจากการสัมภาษณ์ทางโทรศัพท์ / a telephone interview's answers",
          params: surveyParams,
          body: phoneEntryBody,
          response: { 200: phoneEntryResponse, 201: phoneEntryResponse },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertAllowed(actor, "survey.phone", request.params);
        const result = await enterPhoneResponse({
          db,
          frameworks,
          intake: context.intake,
          ...request.params,
          ...request.body,
          today: bangkokDay(context.now()),
          actor: actor.userId,
        });
        return reply.status(result.outcome === "stored" ? 201 : 200).send(result);
      },
    );
  };
}
