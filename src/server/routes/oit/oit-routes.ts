import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  oitAnswersBody,
  oitChecklistResponse,
  oitClarificationsBody,
  oitEmptyBody,
  oitParams,
  oitVerdictsBody,
} from "../../../shared/oit.ts";
import type { AppContext } from "../../app.ts";
import { type Action, assertAllowed } from "../../auth/authorize.ts";
import { requireActor } from "../../plugins/session.ts";
import { confirmOitVerdicts } from "../../services/confirm-oit-verdicts.ts";
import { getOitChecklist } from "../../services/get-oit-checklist.ts";
import type { OitStepOptions } from "../../services/oit-step.ts";
import { saveOitAnswers } from "../../services/save-oit-answers.ts";
import { saveOitClarifications } from "../../services/save-oit-clarifications.ts";
import { saveOitVerdicts } from "../../services/save-oit-verdicts.ts";
import { submitOitChecklist } from "../../services/submit-oit-checklist.ts";

const base = "/api/agencies/:agencyId/assessments/:assessmentId/oit";
const tags = ["oit"];
const response = { 200: oitChecklistResponse };

export function oitRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  const { frameworks } = context;
  /** The signed-in actor, allowed `action` on the assessment, as every OIT service takes it. */
  const allowed = (
    request: FastifyRequest & { params: { agencyId: string; assessmentId: string } },
    action: Action,
  ): OitStepOptions => {
    const actor = requireActor(request);
    assertAllowed(actor, action, request.params);
    return { db, frameworks, ...request.params, actor, now: context.now() };
  };
  return async (app) => {
    app.get(
      base,
      {
        schema: {
          tags,
          summary:
            "แบบ OIT ของปี ผลตรวจเว็บไซต์ และผลการตรวจ / the OIT checklist, findings and verdicts",
          description:
            "Verdicts and the preliminary score are shown to the agency from the clarification window on (evaluators see them at once).",
          params: oitParams,
          response,
        },
      },
      async (request) => getOitChecklist(allowed(request, "assessment.read")),
    );

    app.put(
      `${base}/answers`,
      {
        schema: {
          tags,
          summary: "บันทึกร่างคำตอบ OIT / save draft OIT answers",
          description:
            "Only the listed items change; refused once submitted or outside the oit-submission window (409).",
          params: oitParams,
          body: oitAnswersBody,
          response,
        },
      },
      async (request) => saveOitAnswers({ ...allowed(request, "oit.answer"), body: request.body }),
    );

    app.post(
      `${base}/submit`,
      {
        schema: {
          tags,
          summary: "ส่งแบบ OIT ให้ผู้ประเมินตรวจ / submit the OIT checklist for review",
          description:
            "Every item answered and every 'has' with a link (all problems listed); locks the answers.",
          params: oitParams,
          body: oitEmptyBody,
          response,
        },
      },
      async (request) => submitOitChecklist(allowed(request, "oit.answer")),
    );

    app.put(
      `${base}/verdicts`,
      {
        schema: {
          tags,
          summary: "ผู้ประเมินให้ผลผ่าน/ไม่ผ่านรายข้อ / an evaluator's verdict per item",
          description:
            "On a submitted checklist, in the oit-scoring or confirmation window; a failed item needs a comment.",
          params: oitParams,
          body: oitVerdictsBody,
          response,
        },
      },
      async (request) => saveOitVerdicts({ ...allowed(request, "oit.review"), body: request.body }),
    );

    app.put(
      `${base}/clarifications`,
      {
        schema: {
          tags,
          summary: "หน่วยงานชี้แจงข้อที่ไม่ผ่าน / the agency clarifies failed items",
          description: "Only items that failed, only in the clarification window.",
          params: oitParams,
          body: oitClarificationsBody,
          response,
        },
      },
      async (request) =>
        saveOitClarifications({ ...allowed(request, "oit.answer"), body: request.body }),
    );

    app.post(
      `${base}/confirm`,
      {
        schema: {
          tags,
          summary: "ผู้ประเมินยืนยันผล OIT / the evaluator confirms the OIT verdicts",
          description:
            "In the confirmation window, once every item has a verdict: closes the review and writes indicators 9–10 and the verdicts into the assessment's result.",
          params: oitParams,
          body: oitEmptyBody,
          response,
        },
      },
      async (request) => confirmOitVerdicts(allowed(request, "oit.review")),
    );
  };
}
