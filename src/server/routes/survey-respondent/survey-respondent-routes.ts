import { randomUUID } from "node:crypto";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { DomainError } from "../../../domain/errors.ts";
import { normalizeSurveyContact } from "../../../domain/survey/survey-contact.ts";
import { bangkokDay } from "../../../domain/thai/bangkok-day.ts";
import {
  surveyFormBody,
  surveyLinkParams,
  surveyStartQuery,
} from "../../../shared/survey-respondent.ts";
import type { AppContext } from "../../app.ts";
import type { CarriedForm } from "../../pages/survey/survey-info.ts";
import type { NoticeKind } from "../../pages/survey/survey-notice-page.tsx";
import { buildSubmission } from "../../services/build-submission.ts";
import { checkSurveyCode } from "../../services/check-survey-code.ts";
import { confirmSurveyOtp } from "../../services/confirm-survey-otp.ts";
import { requestSurveyOtp } from "../../services/request-survey-otp.ts";
import { secretHash } from "../../services/survey-otp-hashes.ts";
import { type LoadedSurvey, loadSurvey, windowState } from "./load-survey.ts";
import { missingOn, readPostedScreen } from "./survey-form-state.ts";
import { registerSurveyHtml, sendPage, surveyPages } from "./survey-html.ts";

// The pages respondents use: server-rendered forms that work without JavaScript. Stateless: each
// screen posts the answers so far; only the intake stores them, once, at the end. No request log
// is written for these routes, so no client address is ever kept.

const tags = ["survey respondents"];
const htmlPage = (description: string) => ({
  description,
  content: { "text/html": { schema: z.string() } },
});
const pageResponses = {
  200: htmlPage("the page (a form, or the form again with what to fix)"),
  400: htmlPage("a form that lost its fields: start again"),
  404: htmlPage("no survey with this link"),
  409: htmlPage("the code or the person has answered already"),
  410: htmlPage("the survey's window has closed"),
  429: htmlPage("too many tries from this client"),
};
const noticeStatus: Record<NoticeKind, number> = {
  thanks: 200,
  not_yet_open: 200,
  closed: 410,
  code_used: 409,
  already_answered: 409,
  otp_expired: 410,
  otp_too_many: 409,
};

export function surveyRespondentRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  const throttled = {
    access: "public" as const,
    rateLimit: { max: context.surveyRatePerMinute, timeWindow: "1 minute" },
  };
  const open = { access: "public" as const };
  const common = { logLevel: "silent" as const };

  const notice = async (reply: FastifyReply, kind: NoticeKind, loaded: LoadedSurvey) => {
    const { renderSurveyNoticePage } = await surveyPages();
    return sendPage(reply, noticeStatus[kind], renderSurveyNoticePage(kind, loaded.info));
  };
  /** The window's page when the survey does not take answers today. */
  const closedNotice = (reply: FastifyReply, loaded: LoadedSurvey) => {
    const state = windowState(context, loaded.survey);
    return state === "open" ? undefined : notice(reply, state, loaded);
  };
  const screenPage = async (
    reply: FastifyReply,
    loaded: LoadedSurvey,
    screen: number,
    form: CarriedForm,
    missing: string[] = [],
  ) => {
    const group = loaded.groups[screen];
    if (!group) throw new Error(`no screen ${screen}`);
    const { renderSurveyScreenPage } = await surveyPages();
    const page = renderSurveyScreenPage({
      info: loaded.info,
      group,
      screen,
      labels: loaded.labels,
      form,
      missing,
    });
    return sendPage(reply, 200, page);
  };
  const startPage = async (
    reply: FastifyReply,
    loaded: LoadedSurvey,
    props: {
      code?: string | undefined;
      contact?: string | undefined;
      error?: string | undefined;
    } = {},
  ) => {
    const { renderSurveyStartPage } = await surveyPages();
    return sendPage(reply, 200, renderSurveyStartPage({ info: loaded.info, ...props }));
  };

  const pages: FastifyPluginAsyncZod = async (app) => {
    registerSurveyHtml(app);

    app.get(
      "/:tool/:token",
      {
        ...common,
        config: open,
        schema: {
          tags,
          params: surveyLinkParams,
          querystring: surveyStartQuery,
          response: pageResponses,
        },
      },
      async (request, reply) => {
        const loaded = await loadSurvey(context, request.params);
        return (
          (await closedNotice(reply, loaded)) ??
          startPage(reply, loaded, { code: request.query.code })
        );
      },
    );

    app.post(
      "/:tool/:token/start",
      {
        ...common,
        config: throttled,
        schema: { tags, params: surveyLinkParams, body: surveyFormBody, response: pageResponses },
      },
      async (request, reply) => {
        const loaded = await loadSurvey(context, request.params);
        const closed = await closedNotice(reply, loaded);
        if (closed) return closed;
        // The key of this respondent's answers, made once, when the first screen is shown.
        const fresh = { key: randomUUID(), answers: {} };
        if (loaded.info.access === "open") return screenPage(reply, loaded, 0, fresh);
        if (loaded.info.access === "otp") return startPage(reply, loaded);
        const input = request.body?.code ?? "";
        const check = await checkSurveyCode({ db, survey: loaded.survey, input });
        if (check.status === "used") return notice(reply, "code_used", loaded);
        if (check.status === "unknown")
          return startPage(reply, loaded, { code: input, error: "ไม่พบรหัสนี้ ตรวจสอบอีกครั้ง" });
        return screenPage(reply, loaded, 0, { ...fresh, code: check.code });
      },
    );

    app.post(
      "/:tool/:token/otp",
      {
        ...common,
        config: throttled,
        schema: { tags, params: surveyLinkParams, body: surveyFormBody, response: pageResponses },
      },
      async (request, reply) => {
        const loaded = await loadSurvey(context, request.params);
        const closed = await closedNotice(reply, loaded);
        if (closed) return closed;
        if (loaded.info.access !== "otp") return startPage(reply, loaded);
        const typed = request.body?.contact ?? "";
        const contact = normalizeSurveyContact(typed);
        if (!contact)
          return startPage(reply, loaded, {
            contact: typed,
            error: "กรุณากรอกเบอร์โทรศัพท์มือถือ 10 หลัก หรืออีเมลให้ถูกต้อง",
          });
        try {
          const sent = await requestSurveyOtp({
            db,
            survey: loaded.survey,
            contact,
            sender: context.surveyOtpSender,
            now: context.now(),
          });
          if (sent === "used") return notice(reply, "already_answered", loaded);
        } catch (error) {
          if (!(error instanceof DomainError) || error.code !== "INPUT_INVALID") throw error;
          return startPage(reply, loaded, { contact: typed, error: error.userMessage });
        }
        const { renderSurveyOtpPage } = await surveyPages();
        return sendPage(reply, 200, renderSurveyOtpPage({ info: loaded.info, contact }));
      },
    );

    app.post(
      "/:tool/:token/otp/confirm",
      {
        ...common,
        config: throttled,
        schema: { tags, params: surveyLinkParams, body: surveyFormBody, response: pageResponses },
      },
      async (request, reply) => {
        const loaded = await loadSurvey(context, request.params);
        const closed = await closedNotice(reply, loaded);
        if (closed) return closed;
        const contact = normalizeSurveyContact(request.body?.contact ?? "");
        if (loaded.info.access !== "otp" || !contact) return startPage(reply, loaded);
        const otp = (request.body?.otp ?? "").replace(/\s/g, "");
        const result = await confirmSurveyOtp({
          db,
          survey: loaded.survey,
          contact,
          code: otp,
          now: context.now(),
        });
        switch (result.status) {
          case "ok":
            return screenPage(reply, loaded, 0, {
              key: randomUUID(),
              pass: result.pass,
              answers: {},
            });
          case "wrong": {
            const { renderSurveyOtpPage } = await surveyPages();
            const error = `รหัสยืนยันไม่ถูกต้อง กรอกได้อีก ${result.attemptsLeft} ครั้ง`;
            return sendPage(reply, 200, renderSurveyOtpPage({ info: loaded.info, contact, error }));
          }
          case "not_requested":
            return startPage(reply, loaded, { error: "กรุณาขอรหัสยืนยันก่อน" });
          case "used":
            return notice(reply, "already_answered", loaded);
          case "expired":
            return notice(reply, "otp_expired", loaded);
          case "too_many":
            return notice(reply, "otp_too_many", loaded);
        }
      },
    );

    app.post(
      "/:tool/:token/screen",
      {
        ...common,
        config: open,
        schema: { tags, params: surveyLinkParams, body: surveyFormBody, response: pageResponses },
      },
      async (request, reply) => {
        const loaded = await loadSurvey(context, request.params);
        const closed = await closedNotice(reply, loaded);
        if (closed) return closed;
        const posted = readPostedScreen(request.body ?? {}, loaded.groups);
        if (posted.back) return screenPage(reply, loaded, Math.max(posted.screen - 1, 0), posted);
        const missing = missingOn(
          loaded.groups[posted.screen] ?? { indicator: 0, name: { th: "", en: "" }, questions: [] },
          posted.answers,
        );
        if (missing.length > 0) return screenPage(reply, loaded, posted.screen, posted, missing);
        return screenPage(
          reply,
          loaded,
          Math.min(posted.screen + 1, loaded.groups.length - 1),
          posted,
        );
      },
    );

    app.post(
      "/:tool/:token/submit",
      {
        ...common,
        config: throttled,
        schema: {
          tags,
          params: surveyLinkParams,
          body: surveyFormBody,
          response: {
            ...pageResponses,
            303: z.null().describe("stored (or stored before): to the thank-you page"),
          },
        },
      },
      async (request, reply) => {
        const loaded = await loadSurvey(context, request.params);
        const closed = await closedNotice(reply, loaded);
        if (closed) return closed;
        const posted = readPostedScreen(request.body ?? {}, loaded.groups);
        // The first screen with an unanswered item is shown again, saying which.
        for (const [screen, group] of loaded.groups.entries()) {
          const missing = missingOn(group, posted.answers);
          if (missing.length > 0) return screenPage(reply, loaded, screen, posted, missing);
        }
        const { survey, framework } = loaded;
        if (survey.access === "code" && !posted.code) return notice(reply, "code_used", loaded);
        if (survey.access === "otp" && !posted.pass)
          return notice(reply, "already_answered", loaded);
        const submission = buildSubmission({
          framework,
          survey,
          answers: posted.answers,
          channel: survey.access === "open" ? "link" : survey.access,
          submittedOn: bangkokDay(context.now()),
          idempotencyKey: posted.key,
        });
        const outcome = await context.intake.submit({
          ...submission,
          code: survey.access === "code" ? posted.code : undefined,
          otpPassHash: survey.access === "otp" && posted.pass ? secretHash(posted.pass) : undefined,
        });
        if (outcome === "code_used") return notice(reply, "code_used", loaded);
        if (outcome === "pass_used") return notice(reply, "already_answered", loaded);
        // Post-redirect-get: refreshing the thank-you page cannot post the answers again.
        return reply.redirect(`${loaded.info.basePath}/thanks`, 303);
      },
    );

    app.get(
      "/:tool/:token/thanks",
      {
        ...common,
        config: open,
        schema: { tags, params: surveyLinkParams, response: pageResponses },
      },
      async (request, reply) => notice(reply, "thanks", await loadSurvey(context, request.params)),
    );
  };

  return async (app) => {
    await app.register(pages, { prefix: "/go" });
  };
}
