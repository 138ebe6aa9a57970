import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { DomainError } from "../domain/errors.ts";
import type { Config } from "./config.ts";
import type { Database } from "./db/database.ts";
import { registerCsrf } from "./plugins/csrf.ts";
import { registerErrorHandler } from "./plugins/error-handler.ts";
import { registerOpenApi } from "./plugins/openapi.ts";
import { registerSessions } from "./plugins/session.ts";
import { agencyRoutes } from "./routes/agencies/agency-routes.ts";
import { authRoutes } from "./routes/auth/auth-routes.ts";
import { healthRoutes } from "./routes/health/health-routes.ts";

export interface BuildAppOptions {
  config: Pick<Config, "LOG_LEVEL" | "PUBLIC_URL">;
  database: Database;
}

/** The HTTP application without listening, so tests drive it with `app.inject()`. */
export async function buildApp({ config, database }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: { level: config.LOG_LEVEL } });
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
  return app;
}
