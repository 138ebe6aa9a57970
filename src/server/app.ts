import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance } from "fastify";
import {
  type FastifyPluginAsyncZod,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import { DomainError } from "../domain/errors.ts";
import { loadFrameworks } from "../domain/framework/load-frameworks.ts";
import type { Framework } from "../domain/framework/schema.ts";
import type { Config } from "./config.ts";
import type { Database } from "./db/database.ts";
import { registerCsrf } from "./plugins/csrf.ts";
import { registerErrorHandler } from "./plugins/error-handler.ts";
import { registerOpenApi } from "./plugins/openapi.ts";
import { registerRejectNul } from "./plugins/reject-nul.ts";
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
import { documentRoutes } from "./routes/documents/document-routes.ts";
import { fontRoutes } from "./routes/fonts/font-routes.ts";
import { frameworkRoutes } from "./routes/frameworks/framework-routes.ts";
import { healthRoutes } from "./routes/health/health-routes.ts";
import { importRoutes } from "./routes/imports/import-routes.ts";
import { measureFileRoutes } from "./routes/measure-files/measure-file-routes.ts";
import { measureRoutes } from "./routes/measures/measure-routes.ts";
import { memberRoutes } from "./routes/members/member-routes.ts";
import { noticeRoutes } from "./routes/notices/notice-routes.ts";
import { progressRoutes } from "./routes/progress/progress-routes.ts";
import { publicDataRoutes } from "./routes/public-page/public-data-routes.ts";
import { publicPageRoutes } from "./routes/public-page/public-page-routes.ts";
import { resultRoutes } from "./routes/results/result-routes.ts";
import { surveyIntegrityRoutes } from "./routes/survey-integrity/survey-integrity-routes.ts";
import { userRoutes } from "./routes/users/user-routes.ts";
import { createMailer, type Mailer } from "./services/mailer.ts";
import { createBurstWatch } from "./services/survey-burst-watch.ts";
import { createIntake, type Intake } from "./services/survey-intake.ts";

type AppConfig = Pick<
  Config,
  | "LOG_LEVEL"
  | "PUBLIC_URL"
  | "SMTP_HOST"
  | "SMTP_PORT"
  | "SMTP_USER"
  | "SMTP_PASSWORD"
  | "SMTP_FROM"
>;

declare module "fastify" {
  interface FastifyInstance {
    routeCatalog: readonly string[];
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
  analysisRoutes,
  auditRoutes,
  publicPageRoutes,
  publicDataRoutes,
  fontRoutes,
  surveyIntegrityRoutes,
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
  /** The built admin app; none in most tests, where only the API is exercised. */
  webDir?: string;
}

/** What route plugins receive: the database and the services built once per app. */
export interface AppContext {
  database: Database;
  frameworks: ReadonlyMap<string, Framework>;
  mailer: Mailer;
  publicUrl: string | undefined;
  now: () => Date;
  /** Survey submissions, group-committed; every route that stores answers goes through it. */
  intake: Intake;
}

/** The HTTP application without listening, so tests drive it with `app.inject()`. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({ logger: { level: config.LOG_LEVEL } });
  // Every route as "METHOD /path/{param}", so tests can prove each one is documented and guarded.
  const routes: string[] = [];
  app.decorate("routeCatalog", routes);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat())
      if (method !== "HEAD") routes.push(`${method} ${route.url.replace(/:(\w+)/g, "{$1}")}`);
  });
  const frameworks = options.frameworks ?? loadFrameworks();
  const now = options.now ?? (() => new Date());
  const burstWatch = createBurstWatch({ db: database.db, frameworks, now });
  const context: AppContext = {
    database,
    frameworks,
    mailer:
      options.mailer ??
      createMailer({ SMTP_PORT: 587, ...config, PUBLIC_URL: config.PUBLIC_URL }, app.log),
    publicUrl: config.PUBLIC_URL,
    now,
    intake: createIntake({
      db: database.db,
      // Watching is best effort: a failure is logged (without answers) and never reaches a respondent.
      onStored: (stored) => {
        burstWatch.observe(stored).catch((error: unknown) => {
          app.log.error({ err: error }, "survey burst watch failed");
        });
      },
    }),
  };
  // Answers already accepted are committed before the app lets go of the database.
  app.addHook("onClose", () => context.intake.drain());
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
  await app.register(helmet, { global: true });
  await registerSessions(app, database, context.now);
  registerCsrf(app);
  registerTenancy(app);
  registerRejectNul(app);
  await app.register(healthRoutes(database));
  await app.register(agencyRoutes(database));
  // Each resource's routes register here, given the shared context.
  for (const routes of resourceRoutes) await app.register(routes(context));
  return app;
}
