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
import { registerSessions } from "./plugins/session.ts";
import { agencyRoutes } from "./routes/agencies/agency-routes.ts";
import { authRoutes } from "./routes/auth/auth-routes.ts";
import { healthRoutes } from "./routes/health/health-routes.ts";
import { measureFileRoutes } from "./routes/measure-files/measure-file-routes.ts";
import { measureRoutes } from "./routes/measures/measure-routes.ts";
import { noticeRoutes } from "./routes/notices/notice-routes.ts";
import { progressRoutes } from "./routes/progress/progress-routes.ts";
import { createMailer, type Mailer } from "./services/mailer.ts";

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

/** Route plugins of the resources, in one list so each is added with one line. */
const resourceRoutes: ((context: AppContext) => FastifyPluginAsyncZod)[] = [
  measureRoutes,
  measureFileRoutes,
  progressRoutes,
  noticeRoutes,
];

export interface BuildAppOptions {
  config: Partial<AppConfig> & Pick<Config, "LOG_LEVEL">;
  database: Database;
  /** The ITA frameworks by id; loaded from frameworks/ when not given. */
  frameworks?: ReadonlyMap<string, Framework>;
  /** Outgoing email; SMTP from the config (or the log) when not given. */
  mailer?: Mailer;
}

/** What route plugins receive: the database and the services built once per app. */
export interface AppContext {
  database: Database;
  frameworks: ReadonlyMap<string, Framework>;
  mailer: Mailer;
  publicUrl: string | undefined;
}

/** The HTTP application without listening, so tests drive it with `app.inject()`. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({ logger: { level: config.LOG_LEVEL } });
  const context: AppContext = {
    database,
    frameworks: options.frameworks ?? loadFrameworks(),
    mailer:
      options.mailer ??
      createMailer({ SMTP_PORT: 587, ...config, PUBLIC_URL: config.PUBLIC_URL }, app.log),
    publicUrl: config.PUBLIC_URL,
  };
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
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
  await registerSessions(app, database);
  registerCsrf(app);
  await app.register(healthRoutes(database));
  await app.register(agencyRoutes(database));
  await app.register(authRoutes(database, config.PUBLIC_URL?.startsWith("https://") ?? false));
  // Each resource's routes register here, given the shared context.
  for (const routes of resourceRoutes) await app.register(routes(context));
  return app;
}
