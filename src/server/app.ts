import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import {
  type FastifyPluginAsyncZod,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import { createPdfRenderer, type PdfRenderer } from "../documents/pdf/render-pdf.ts";
import { DomainError } from "../domain/errors.ts";
import { loadFrameworks } from "../domain/framework/load-frameworks.ts";
import type { Framework } from "../domain/framework/schema.ts";
import type { Config } from "./config.ts";
import type { Database } from "./db/database.ts";
import { registerCsrf } from "./plugins/csrf.ts";
import { registerErrorHandler } from "./plugins/error-handler.ts";
import { registerOpenApi } from "./plugins/openapi.ts";
import { registerRejectNul } from "./plugins/reject-nul.ts";
import { registerSecurityHeaders } from "./plugins/security-headers.ts";
import { registerSessions } from "./plugins/session.ts";
import { registerTenancy } from "./plugins/tenancy.ts";
import { registerWebApp } from "./plugins/web-app.ts";
import { agencyRoutes } from "./routes/agencies/agency-routes.ts";
import { analysisRoutes } from "./routes/analysis/analysis-routes.ts";
import { assessmentRoutes } from "./routes/assessments/assessment-routes.ts";
import { auditRoutes } from "./routes/audit/audit-routes.ts";
import { authRoutes } from "./routes/auth/auth-routes.ts";
import { passwordResetRoutes } from "./routes/auth/password-reset-routes.ts";
import { totpRoutes } from "./routes/auth/totp-routes.ts";
import { dashboardRoutes } from "./routes/dashboard/dashboard-routes.ts";
import { disclosureRoutes } from "./routes/disclosures/disclosure-routes.ts";
import { documentRoutes } from "./routes/documents/document-routes.ts";
import { fontRoutes } from "./routes/fonts/font-routes.ts";
import { frameworkImportRoutes } from "./routes/frameworks/framework-import-routes.ts";
import { frameworkRoutes } from "./routes/frameworks/framework-routes.ts";
import { healthRoutes } from "./routes/health/health-routes.ts";
import { importRoutes } from "./routes/imports/import-routes.ts";
import { measureFileRoutes } from "./routes/measure-files/measure-file-routes.ts";
import { measureRoutes } from "./routes/measures/measure-routes.ts";
import { memberRoutes } from "./routes/members/member-routes.ts";
import { nationalRoutes } from "./routes/national/national-routes.ts";
import { noticeRoutes } from "./routes/notices/notice-routes.ts";
import { oitCheckRoutes } from "./routes/oit/oit-check-routes.ts";
import { oitRoutes } from "./routes/oit/oit-routes.ts";
import { openDataApiRoutes } from "./routes/open-data/open-data-api-routes.ts";
import { openDataRoutes } from "./routes/open-data/open-data-routes.ts";
import { progressRoutes } from "./routes/progress/progress-routes.ts";
import { publicDataRoutes } from "./routes/public-page/public-data-routes.ts";
import { publicPageRoutes } from "./routes/public-page/public-page-routes.ts";
import { resultRoutes } from "./routes/results/result-routes.ts";
import { respondentApiRoutes } from "./routes/survey-api/respondent-api-routes.ts";
import { surveyIntegrityRoutes } from "./routes/survey-integrity/survey-integrity-routes.ts";
import { surveyRespondentRoutes } from "./routes/survey-respondent/survey-respondent-routes.ts";
import { surveyPrintRoutes } from "./routes/surveys/survey-print-routes.ts";
import { surveyRoutes } from "./routes/surveys/survey-routes.ts";
import { userRoutes } from "./routes/users/user-routes.ts";
import { loadStoredFrameworks } from "./services/load-stored-frameworks.ts";
import { createMailer, type Mailer } from "./services/mailer.ts";
import { createOitCheckJobs, type OitCheckJobs } from "./services/oit-check-jobs.ts";
import type { OitChecker } from "./services/oit-checker.ts";
import { type BurstWatch, createBurstWatch } from "./services/survey-burst-watch.ts";
import { createIntake, type Intake } from "./services/survey-intake.ts";
import {
  createEmailOtpSender,
  createLogOtpSender,
  type SurveyOtpSender,
} from "./services/survey-otp-sender.ts";

type AppConfig = Pick<
  Config,
  | "LOG_LEVEL"
  | "PUBLIC_URL"
  | "SMTP_HOST"
  | "SMTP_PORT"
  | "SMTP_USER"
  | "SMTP_PASSWORD"
  | "SMTP_FROM"
  | "SURVEY_OTP_SENDER"
  | "SURVEY_RATE_PER_MINUTE"
  | "OPEN_DATA_RATE_PER_MINUTE"
  | "OIT_CHECK_ALLOW_PRIVATE"
>;

declare module "fastify" {
  interface FastifyInstance {
    routeCatalog: readonly string[];
    /** Background OIT website checks, so start-up can recover runs a restart interrupted. */
    oitChecks: OitCheckJobs;
  }
}

/** Route plugins of the resources, in one list so each is added with one line. */
const resourceRoutes: ((context: AppContext) => FastifyPluginAsyncZod)[] = [
  dashboardRoutes,
  documentRoutes,
  authRoutes,
  totpRoutes,
  passwordResetRoutes,
  memberRoutes,
  userRoutes,
  assessmentRoutes,
  resultRoutes,
  importRoutes,
  measureRoutes,
  measureFileRoutes,
  progressRoutes,
  noticeRoutes,
  frameworkRoutes,
  frameworkImportRoutes,
  analysisRoutes,
  auditRoutes,
  publicPageRoutes,
  publicDataRoutes,
  fontRoutes,
  respondentApiRoutes,
  surveyRespondentRoutes,
  surveyRoutes,
  surveyPrintRoutes,
  surveyIntegrityRoutes,
  oitRoutes,
  oitCheckRoutes,
  nationalRoutes,
  disclosureRoutes,
  openDataRoutes,
  openDataApiRoutes,
];

export interface BuildAppOptions {
  config: Partial<AppConfig> & Pick<Config, "LOG_LEVEL">;
  database: Database;
  /** The ITA frameworks by id; loaded from frameworks/ when not given. */
  frameworks?: ReadonlyMap<string, Framework>;
  /** Outgoing email; SMTP from the config (or the log) when not given. */
  mailer?: Mailer;
  /** The clock; tests pass their own so time-based codes and link expiry are deterministic. */
  now?: () => Date;
  /** Survey one-time passwords; from `SURVEY_OTP_SENDER` when not given (tests capture them). */
  surveyOtpSender?: SurveyOtpSender;
  /** Where log lines go (standard output when not given); tests read what was logged. */
  logStream?: { write(line: string): void };
  /** The built admin app; none in most tests, where only the API is exercised. */
  webDir?: string;
  /** The OIT website checker (`checkSite` of src/evidence); without it, checks are refused. */
  oitChecker?: OitChecker;
  /** Where stored responses are watched for bursts; this process when not given (one worker of several passes them on). */
  burstWatch?: BurstWatch;
  /** Whether the rest of the server is up too (one worker of several waits for its siblings). */
  peersReady?: () => boolean;
}

/** What route plugins receive: the database and the services built once per app. */
export interface AppContext {
  database: Database;
  /** Frameworks from files and the database; versions stored while running are added to it. */
  frameworks: ReadonlyMap<string, Framework>;
  addFramework: (framework: Framework) => void;
  mailer: Mailer;
  publicUrl: string | undefined;
  now: () => Date;
  /** Survey submissions, group-committed; every route that stores answers goes through it. */
  intake: Intake;
  /** How survey one-time passwords reach respondents. */
  surveyOtpSender: SurveyOtpSender;
  /** Respondent submissions, code checks and code requests allowed per client per minute. */
  surveyRatePerMinute: number;
  /** Open-data files, catalogue and API requests allowed per client per minute. */
  openDataRatePerMinute: number;
  /** The one headless Chromium that prints PDFs, started on first use and closed with the app. */
  pdf: () => Promise<PdfRenderer>;
  /** Background website checks of OIT checklists. */
  oitChecks: OitCheckJobs;
}

/** A PDF renderer started on first use; a browser that failed to start is tried again next time. */
function lazyPdfRenderer(): { pdf: () => Promise<PdfRenderer>; close: () => Promise<void> } {
  let renderer: Promise<PdfRenderer> | undefined;
  return {
    pdf: () =>
      (renderer ??= createPdfRenderer().catch((error: unknown) => {
        renderer = undefined;
        throw error;
      })),
    close: async () => {
      const started = await renderer?.catch(() => undefined);
      await started?.close();
    },
  };
}

/**
 * Fastify's request log fields, except that a survey address (`/go/`), should one ever be logged
 * (an unknown path there), keeps no client address and no query (a printed code).
 */
function requestForLog(request: FastifyRequest) {
  const survey = request.url.startsWith("/go/");
  return {
    method: request.method,
    url: survey ? request.url.split("?")[0] : request.url,
    ...(survey
      ? {}
      : { host: request.host, remoteAddress: request.ip, remotePort: request.socket?.remotePort }),
  };
}

/** The HTTP application without listening, so tests drive it with `app.inject()`. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger: {
      level: config.LOG_LEVEL,
      serializers: { req: requestForLog },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
  });
  // Every route as "METHOD /path/{param}", so tests can prove each one is documented and guarded.
  const routes: string[] = [];
  app.decorate("routeCatalog", routes);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat())
      if (method !== "HEAD") routes.push(`${method} ${route.url.replace(/:(\w+)/g, "{$1}")}`);
  });
  const mailer =
    options.mailer ??
    createMailer({ SMTP_PORT: 587, ...config, PUBLIC_URL: config.PUBLIC_URL }, app.log);
  const printer = lazyPdfRenderer();
  const frameworks = new Map(options.frameworks ?? loadFrameworks());
  // Versions stored in the database sit beside the files; a file of the same id wins.
  for (const framework of await loadStoredFrameworks(database.db))
    if (!frameworks.has(framework.id)) frameworks.set(framework.id, framework);
  const now = options.now ?? (() => new Date());
  const burstWatch = options.burstWatch ?? createBurstWatch({ db: database.db, frameworks, now });
  const context: AppContext = {
    database,
    frameworks,
    addFramework: (framework) => frameworks.set(framework.id, framework),
    mailer,
    publicUrl: config.PUBLIC_URL,
    now,
    pdf: printer.pdf,
    intake: createIntake({
      db: database.db,
      // Two per process: one batch gathers while one commits. More split the same answers into
      // smaller transactions that cost PostgreSQL more (bench:intake: ~3,050/s with 2, ~2,650 with 4).
      concurrency: database.kind === "postgres" ? 2 : 1,
      // Watching is best effort: a failure is logged (without answers) and never reaches a respondent.
      onStored: (stored) => {
        burstWatch.observe(stored).catch((error: unknown) => {
          app.log.error({ err: error }, "survey burst watch failed");
        });
      },
    }),
    surveyOtpSender:
      options.surveyOtpSender ??
      (config.SURVEY_OTP_SENDER === "email"
        ? createEmailOtpSender(mailer)
        : createLogOtpSender(app.log)),
    surveyRatePerMinute: config.SURVEY_RATE_PER_MINUTE ?? 30,
    openDataRatePerMinute: config.OPEN_DATA_RATE_PER_MINUTE ?? 120,
    oitChecks: createOitCheckJobs({
      db: database.db,
      frameworks,
      checker: options.oitChecker,
      now,
      allowPrivate: config.OIT_CHECK_ALLOW_PRIVATE ?? false,
      log: app.log,
    }),
  };
  app.addHook("onClose", printer.close);
  // Answers already accepted are committed before the app lets go of the database.
  app.addHook("onClose", () => context.intake.drain());
  app.addHook("onClose", () => context.oitChecks.drain());
  app.decorate("oitChecks", context.oitChecks);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const webFallback = options.webDir ? await registerWebApp(app, options.webDir) : undefined;
  registerErrorHandler(app, webFallback);
  await registerOpenApi(app);
  // Limits are per route (sign-in); counters live in memory only.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new DomainError("RATE_LIMITED", `too many attempts; retry after ${context.after}`, {
        userMessage: `ลองบ่อยเกินไป กรุณารอสักครู่ (${context.after}) แล้วลองใหม่`,
      }),
  });
  registerSecurityHeaders(app);
  await registerSessions(app, database, context.now);
  registerCsrf(app);
  registerTenancy(app);
  registerRejectNul(app);
  await app.register(healthRoutes(database, options.peersReady));
  await app.register(agencyRoutes(database));
  // Each resource's routes register here, given the shared context.
  for (const routes of resourceRoutes) await app.register(routes(context));
  return app;
}
