import multipart from "@fastify/multipart";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { readOitItemsJson } from "../../../domain/framework/oit-items-input.ts";
import { oitItemsImportQuery, oitItemsImportResponse } from "../../../shared/framework.ts";
import { MAX_UPLOAD_BYTES } from "../../../shared/limits.ts";
import type { AppContext } from "../../app.ts";
import { assertAllowed } from "../../auth/authorize.ts";
import { NATIONAL_SCOPE } from "../../db/schema.ts";
import { readOitItemsSheet } from "../../imports/read-oit-items.ts";
import { uploadedFile } from "../../imports/uploaded-file.ts";
import { requireActor } from "../../plugins/session.ts";
import { importOitItemList } from "../../services/import-oit-item-list.ts";

export function frameworkImportRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  return async (app) => {
    await app.register(multipart, {
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 },
    });
    app.post(
      "/api/frameworks/oit-items",
      {
        config: { access: "national" },
        schema: {
          tags: ["frameworks"],
          description:
            "สร้างกรอบการประเมินปีใหม่จากรายการข้อ OIT (.xlsx หรือ .csv แบบ multipart/form-data หรือ JSON; docs/oit-items-format.md) / Make a new framework version from an OIT item list sent as one .xlsx or .csv file (multipart/form-data) or as JSON. Every item of the base framework must be mapped or dropped; any problem stores nothing. `dryRun=true` previews the mapping.",
          consumes: ["multipart/form-data", "application/json"],
          querystring: oitItemsImportQuery,
          response: { 200: oitItemsImportResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        // A framework is everyone's rules: it is authorised in the national scope, not one agency's.
        assertAllowed(actor, "framework.import", { agencyId: NATIONAL_SCOPE });
        const upload = request.isMultipart() ? await uploadedFile(request) : undefined;
        const input = upload ? await readOitItemsSheet(upload) : readOitItemsJson(request.body);
        const { base, id, fiscalYear, dryRun } = request.query;
        return importOitItemList({
          db,
          frameworks: context.frameworks,
          addFramework: context.addFramework,
          actor: actor.userId,
          input,
          base,
          id,
          fiscalYear,
          source: upload?.filename || "JSON",
          dryRun: dryRun === "true",
        });
      },
    );
  };
}
