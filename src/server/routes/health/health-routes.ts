import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { DomainError } from "../../../domain/errors.ts";
import type { Database } from "../../db/database.ts";

const healthResponse = z.object({ status: z.literal("ok") });
const readyResponse = z.object({
  status: z.literal("ready"),
  database: z.enum(["pglite", "postgres"]),
});

/**
 * Liveness says the process answers; readiness says the database answers too and, for one worker
 * of several, that every worker listens, so a client's first connections are spread over all.
 */
export function healthRoutes(
  database: Database,
  peersReady: () => boolean = () => true,
): FastifyPluginAsyncZod {
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
        if (!peersReady()) throw notReady();
        await database.ping();
        return { status: "ready" as const, database: database.kind };
      },
    );
  };
}

function notReady(): DomainError {
  return new DomainError("NOT_READY", "the other server workers are still starting", {
    userMessage: "โปรเซสอื่นของเซิร์ฟเวอร์กำลังเริ่มทำงาน กรุณาลองใหม่ในอีกครู่",
  });
}
