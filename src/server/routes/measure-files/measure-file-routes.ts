import multipart from "@fastify/multipart";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { MAX_UPLOAD_BYTES } from "../../../shared/limits.ts";
import { measureParams } from "../../../shared/measure.ts";
import { measureFileParams, measureFileResponse } from "../../../shared/measure-file.ts";
import type { AppContext } from "../../app.ts";
import { assertAllowed } from "../../auth/authorize.ts";
import { requireActor } from "../../plugins/session.ts";
import { deleteMeasureFile } from "../../services/delete-measure-file.ts";
import { getMeasure } from "../../services/get-measure.ts";
import { listMeasureFiles } from "../../services/list-measure-files.ts";
import { readMeasureFile } from "../../services/read-measure-file.ts";
import { uploadMeasureFile } from "../../services/upload-measure-file.ts";
import { contentDisposition } from "./content-disposition.ts";
import { readUpload } from "./read-upload.ts";

const base = "/api/agencies/:agencyId/assessments/:assessmentId/measures/:measureId/files";
const tags = ["measure files"];
const bytes = z
  .instanceof(Buffer)
  .meta({ type: "string", format: "binary", description: "the file's bytes" });

export function measureFileRoutes({ database: { db } }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // Multipart only for these routes; the file size is limited per upload below.
    await app.register(multipart, { limits: { files: 1, fields: 0, parts: 2 } });
    app.post(
      base,
      {
        schema: {
          tags,
          consumes: ["multipart/form-data"],
          params: measureParams,
          response: { 201: measureFileResponse },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { agencyId } = request.params;
        assertAllowed(actor, "measure.read", { agencyId });
        const { measure } = await getMeasure({ db, ...request.params });
        assertAllowed(actor, "measure.write", { agencyId, divisions: measure.responsible });
        const upload = await readUpload(request, MAX_UPLOAD_BYTES);
        const file = await uploadMeasureFile({
          db,
          agencyId,
          measureId: measure.id,
          actor: actor.userId,
          upload,
        });
        return reply.status(201).send(file);
      },
    );
    app.get(
      base,
      { schema: { tags, params: measureParams, response: { 200: z.array(measureFileResponse) } } },
      async (request) => {
        assertAllowed(requireActor(request), "measure.read", request.params);
        const { measure } = await getMeasure({ db, ...request.params });
        return listMeasureFiles({ db, agencyId: measure.agencyId, measureId: measure.id });
      },
    );
    app.get(
      `${base}/:fileId`,
      { schema: { tags, params: measureFileParams, response: { 200: bytes } } },
      async (request, reply) => {
        assertAllowed(requireActor(request), "measure.read", request.params);
        const file = await readMeasureFile({ db, ...request.params });
        return reply
          .header("content-type", file.type)
          .header("content-disposition", contentDisposition(file.name))
          .header("etag", `"${file.sha256}"`)
          .header("repr-digest", `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`)
          .header("cache-control", "private, no-cache")
          .send(file.bytes);
      },
    );
    app.delete(
      `${base}/:fileId`,
      { schema: { tags, params: measureFileParams, response: { 204: z.null() } } },
      async (request, reply) => {
        const actor = requireActor(request);
        const { agencyId, fileId } = request.params;
        assertAllowed(actor, "measure.read", { agencyId });
        const { measure } = await getMeasure({ db, ...request.params });
        assertAllowed(actor, "measure.write", { agencyId, divisions: measure.responsible });
        await deleteMeasureFile({
          db,
          agencyId,
          measureId: measure.id,
          fileId,
          actor: actor.userId,
        });
        return reply.status(204).send(null);
      },
    );
  };
}
