import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { getFramework } from "../../../domain/framework/load-frameworks.ts";
import { frameworkDetail, frameworkParams, frameworkSummary } from "../../../shared/framework.ts";
import type { AppContext } from "../../app.ts";
import { requireActor } from "../../plugins/session.ts";
import { listFrameworks } from "../../services/list-frameworks.ts";

const tags = ["frameworks"];

// Frameworks are public rules of the assessment, the same for every agency: anyone signed in reads them.
export function frameworkRoutes({ frameworks }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/frameworks",
      {
        config: { access: "signed-in" },
        schema: {
          tags,
          summary: "กรอบการประเมินทุกปี / every loaded framework",
          response: { 200: z.array(frameworkSummary) },
        },
      },
      async (request) => {
        requireActor(request);
        return listFrameworks(frameworks);
      },
    );
    app.get(
      "/api/frameworks/:frameworkId",
      {
        config: { access: "signed-in" },
        schema: {
          tags,
          summary: "กรอบการประเมินหนึ่งปี / one framework, as data",
          params: frameworkParams,
          response: { 200: frameworkDetail },
        },
      },
      async (request) => {
        requireActor(request);
        return getFramework(request.params.frameworkId, frameworks);
      },
    );
  };
}
