import multipart from "@fastify/multipart";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { MAX_UPLOAD_BYTES } from "../../../shared/limits.ts";
import { importQuery, importSummary } from "../../../shared/result.ts";
import type { AppContext } from "../../app.ts";
import { assertAllowedSomewhere } from "../../auth/authorize.ts";
import { uploadedFile } from "../../imports/uploaded-file.ts";
import { requireActor } from "../../plugins/session.ts";
import { importResults } from "../../services/import-results.ts";

export function importRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  return async (app) => {
    // Only these routes take uploads; one file, streamed, no larger than the shared limit.
    await app.register(multipart, {
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 },
    });
    app.post(
      "/api/imports/results",
      {
        config: { access: "signed-in" },
        schema: {
          tags: ["results"],
          description:
            "นำเข้าผลการประเมินทางการจากไฟล์ .xlsx หรือ .csv (docs/results-import-format.md) / Import official results from one .xlsx or .csv file, sent as multipart/form-data. Rows of agencies you may not write are refused; any problem imports nothing.",
          consumes: ["multipart/form-data"],
          querystring: importQuery,
          response: { 200: importSummary },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        // Each row's agency is authorised as the file is checked; here, the right to write results at all.
        assertAllowedSomewhere(actor, "results.write");
        return importResults({
          db,
          frameworks: context.frameworks,
          actor,
          upload: await uploadedFile(request),
          dryRun: request.query.dryRun === "true",
        });
      },
    );
  };
}
