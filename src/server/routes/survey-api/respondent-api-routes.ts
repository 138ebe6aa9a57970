import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  surveyLinkParams,
  surveyResponseBody,
  surveyResponseResult,
} from "../../../shared/survey-response.ts";
import type { AppContext } from "../../app.ts";
import { submitSurveyResponse } from "../../services/submit-survey-response.ts";
import { cachedSurveyLinks } from "../../services/survey-link-cache.ts";

/** The respondent API (for apps and scripted forms): one respondent's answers through a link. */
export function respondentApiRoutes(context: AppContext): FastifyPluginAsyncZod {
  // Two seconds: a busy link costs one query per two seconds, and changes show up as fast.
  const findSurvey = cachedSurveyLinks(context.database.db, 2000);
  return async (app) => {
    app.post(
      "/api/surveys/:tool/:token/responses",
      {
        // Respondents are anonymous: no request log line (it would hold their address and time).
        logLevel: "silent",
        // Counted per client in memory only, like the respondent pages.
        config: {
          access: "public",
          rateLimit: { max: context.surveyRatePerMinute, timeWindow: "1 minute" },
        },
        schema: {
          tags: ["surveys"],
          summary: "Submit one respondent's answers (stored once per idempotency key)",
          params: surveyLinkParams,
          body: surveyResponseBody,
          response: { 200: surveyResponseResult, 201: surveyResponseResult },
        },
      },
      async (request, reply) => {
        const outcome = await submitSurveyResponse({
          db: context.database.db,
          frameworks: context.frameworks,
          intake: context.intake,
          now: context.now,
          findSurvey,
          ...request.params,
          ...request.body,
        });
        reply.header("cache-control", "no-store");
        if (outcome === "stored")
          return reply.status(201).send({ status: outcome, message: "บันทึกคำตอบแล้ว ขอบคุณที่ร่วมตอบ" });
        return { status: outcome, message: "คำตอบนี้บันทึกไว้แล้ว ไม่ต้องส่งซ้ำ" };
      },
    );
  };
}
