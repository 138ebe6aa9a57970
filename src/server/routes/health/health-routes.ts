import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../../db/database.ts";

const healthResponse = z.object({ status: z.literal("ok") });
const readyResponse = z.object({
  status: z.literal("ready"),
  database: z.enum(["pglite", "postgres"]),
});

/** Liveness says the process answers; readiness says the database answers too. */
export function healthRoutes(database: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/healthz",
      { schema: { tags: ["health"], response: { 200: healthResponse } } },
      async () => ({ status: "ok" as const }),
    );
    app.get(
      "/readyz",
      { schema: { tags: ["health"], response: { 200: readyResponse } } },
      async () => {
        await database.ping();
        return { status: "ready" as const, database: database.kind };
      },
    );
  };
}
