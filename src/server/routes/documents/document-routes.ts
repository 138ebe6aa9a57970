import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { loadDocumentText } from "../../../documents/measures/load-document-text.ts";
import type { MeasuresDocumentDeps } from "../../../documents/measures/prepare-measures-document.ts";
import { loadContent } from "../../../domain/content/load-content.ts";
import { bangkokDay } from "../../../domain/thai/bangkok-day.ts";
import {
  assessmentDocumentsParams,
  documentApprove,
  documentContentTypes,
  documentDetail,
  documentFileParams,
  documentFileQuery,
  documentGenerate,
  documentParams,
  documentVersion,
} from "../../../shared/document.ts";
import type { AppContext } from "../../app.ts";
import { assertAllowed } from "../../auth/authorize.ts";
import { requireActor } from "../../plugins/session.ts";
import { approveDocument } from "../../services/approve-document.ts";
import { generateDocument } from "../../services/generate-document.ts";
import { getDocument } from "../../services/get-document.ts";
import { listDocuments } from "../../services/list-documents.ts";
import { readDocumentFile } from "../../services/read-document-file.ts";
import { attachmentDisposition } from "../content-disposition.ts";

const base = "/api/agencies/:agencyId/assessments/:assessmentId/documents";
const tags = ["documents"];
const fileResponse = {
  description: "the file; its ETag is its SHA-256",
  content: Object.fromEntries(
    Object.values(documentContentTypes).map((type) => [
      type,
      { schema: z.instanceof(Buffer).meta({ type: "string", format: "binary" }) },
    ]),
  ),
};

const notModified = z.null().describe("unchanged since the ETag the client sent");

// A previewed document runs nothing and loads nothing from elsewhere, even opened on its own.
const previewPolicy =
  "sandbox; default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; frame-ancestors 'self'";

export function documentRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  // Content and the browser are loaded on first use, once per app.
  let deps: MeasuresDocumentDeps | undefined;
  const documentDeps = () =>
    (deps ??= {
      frameworks: new Map(context.frameworks),
      content: loadContent(),
      text: loadDocumentText(),
    });
  const { pdf } = context;

  return async (app) => {
    app.post(
      base,
      {
        schema: {
          tags,
          params: assessmentDocumentsParams,
          body: documentGenerate,
          response: { 201: documentVersion },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertAllowed(actor, "document.generate", request.params);
        const version = await generateDocument({
          db,
          deps: documentDeps(),
          pdf,
          ...request.params,
          actor: actor.userId,
          request: request.body,
        });
        return reply.status(201).send(version);
      },
    );

    app.get(
      base,
      {
        schema: {
          tags,
          params: assessmentDocumentsParams,
          response: { 200: z.array(documentVersion) },
        },
      },
      async (request) => {
        assertAllowed(requireActor(request), "assessment.read", request.params);
        return listDocuments({ db, ...request.params });
      },
    );

    app.get(
      `${base}/:documentId`,
      { schema: { tags, params: documentParams, response: { 200: documentDetail } } },
      async (request) => {
        assertAllowed(requireActor(request), "assessment.read", request.params);
        return getDocument({ db, ...request.params });
      },
    );

    app.post(
      `${base}/:documentId/approve`,
      {
        schema: {
          tags,
          summary: "หัวหน้าหน่วยงานอนุมัติฉบับล่าสุด / the head of agency approves the latest version",
          description:
            "Records the approval day on the assessment and stores the next version, built from the approved version's input with that day printed in it, marked approved. Only the latest version may be approved (409 otherwise).",
          params: documentParams,
          body: documentApprove.nullish(),
          response: { 201: documentVersion },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        assertAllowed(actor, "document.approve", request.params);
        const now = context.now();
        const version = await approveDocument({
          db,
          deps: documentDeps(),
          pdf,
          ...request.params,
          approvedOn: request.body?.approvedOn ?? bangkokDay(now),
          actor: actor.userId,
          now,
        });
        return reply.status(201).send(version);
      },
    );

    app.get(
      `${base}/:documentId/:format`,
      {
        schema: {
          tags,
          params: documentFileParams,
          querystring: documentFileQuery,
          response: { 200: fileResponse, 304: notModified },
        },
      },
      async (request, reply) => {
        assertAllowed(requireActor(request), "assessment.read", request.params);
        const file = await readDocumentFile({ db, ...request.params });
        const { disposition } = request.query;
        const etag = `"${file.sha256}"`;
        reply.header("etag", etag).header("cache-control", "private, no-cache");
        if (disposition === "inline") reply.header("content-security-policy", previewPolicy);
        if (request.headers["if-none-match"] === etag) return reply.status(304).send(null);
        return reply
          .type(file.contentType)
          .header(
            "content-disposition",
            attachmentDisposition(file.fileName, file.asciiName, disposition),
          )
          .send(file.bytes);
      },
    );
  };
}
