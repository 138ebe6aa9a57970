import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  loadPublishedEvidence,
  type PublishedEvidence,
} from "../../../domain/content/published-evidence.ts";
import { DomainError } from "../../../domain/errors.ts";
import { findOitItem } from "../../../domain/framework/lookup.ts";
import type { Framework } from "../../../domain/framework/schema.ts";
import { documentContentTypes } from "../../../shared/document.ts";
import {
  publicAgencyParams,
  publicDocumentParams,
  publicOitItemParams,
  publicPaths,
  publicYearParams,
} from "../../../shared/public-page.ts";
import type { AppContext } from "../../app.ts";
import { findLatestPublicYear } from "../../services/find-latest-public-year.ts";
import { getPublicYear } from "../../services/get-public-year.ts";
import { readPublicDocumentFile } from "../../services/read-public-document-file.ts";
import { attachmentDisposition } from "../content-disposition.ts";
import { registerHtmlErrors } from "./html-errors.ts";
import { publicPages } from "./load-pages.ts";
import { sendCached } from "./send-cached.ts";

// Each agency's public transparency page: server-rendered HTML without any script, open to
// anyone, showing only what the agency has published.

const tags = ["public"];
const config = { access: "public" as const };
const html = "text/html; charset=utf-8";
const htmlPage = {
  description: "an HTML page (a Thai HTML page with 404 when not found)",
  content: { "text/html": { schema: z.string() } },
};
const notModified = z.null().describe("unchanged since the ETag the client sent");
const documentFile = {
  description: "an approved document version's file",
  content: Object.fromEntries(
    Object.values(documentContentTypes).map((type) => [
      type,
      { schema: z.instanceof(Buffer).meta({ type: "string", format: "binary" }) },
    ]),
  ),
};
// The stored HTML document carries its fonts and styles inline, and never a script.
const DOCUMENT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function publicPageRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  let evidence: PublishedEvidence | undefined;
  const publishedEvidence = () => (evidence ??= loadPublishedEvidence());
  const yearData = (params: { agencyId: string; fiscalYear: number }) =>
    getPublicYear({ db, frameworks: context.frameworks, ...params });
  const frameworkOf = (id: string): Framework => {
    const framework = context.frameworks.get(id);
    if (!framework)
      throw new DomainError("FRAMEWORK_NOT_FOUND", `framework ${id} is not loaded`, {
        userMessage: `ไม่พบกรอบการประเมิน ${id} ของปีนี้`,
      });
    return framework;
  };

  const pages: FastifyPluginAsyncZod = async (app) => {
    registerHtmlErrors(app);

    app.get(
      "/:agencyId",
      {
        config,
        schema: {
          tags,
          params: publicAgencyParams,
          response: {
            302: z.null().describe("to the latest fiscal year with data"),
            404: htmlPage,
          },
        },
      },
      async (request, reply) => {
        const { agencyId } = request.params;
        const year = await findLatestPublicYear({ db, agencyId });
        if (year === null)
          throw new DomainError("INPUT_NOT_FOUND", `agency ${agencyId} has no fiscal year`, {
            userMessage: "หน่วยงานนี้ยังไม่มีข้อมูลที่เผยแพร่",
          });
        return reply
          .header("cache-control", "public, max-age=60")
          .redirect(publicPaths.year(agencyId, year), 302);
      },
    );

    app.get(
      "/:agencyId/:fiscalYear",
      {
        config,
        schema: {
          tags,
          params: publicYearParams,
          response: { 200: htmlPage, 304: notModified, 404: htmlPage },
        },
      },
      async (request, reply) => {
        const { renderAgencyYearPage } = await publicPages();
        return sendCached(
          request,
          reply,
          renderAgencyYearPage(await yearData(request.params)),
          html,
        );
      },
    );

    app.get(
      "/:agencyId/:fiscalYear/oit",
      {
        config,
        schema: {
          tags,
          params: publicYearParams,
          response: { 200: htmlPage, 304: notModified, 404: htmlPage },
        },
      },
      async (request, reply) => {
        const data = await yearData(request.params);
        const framework = frameworkOf(data.frameworkId);
        const { renderOitIndexPage } = await publicPages();
        const page = renderOitIndexPage({ data, framework, evidence: publishedEvidence() });
        return sendCached(request, reply, page, html);
      },
    );

    app.get(
      "/:agencyId/:fiscalYear/oit/:itemId",
      {
        config,
        schema: {
          tags,
          params: publicOitItemParams,
          response: { 200: htmlPage, 304: notModified, 404: htmlPage },
        },
      },
      async (request, reply) => {
        const { agencyId, fiscalYear, itemId } = request.params;
        const data = await yearData({ agencyId, fiscalYear });
        const framework = frameworkOf(data.frameworkId);
        const item = findOitItem(framework, itemId);
        const sub = framework.oit.find((s) => s.items.some((i) => i.id === item?.id));
        if (!item || !sub)
          throw new DomainError("INPUT_NOT_FOUND", `no OIT item ${itemId} in ${framework.id}`, {
            userMessage: `ไม่พบข้อ ${itemId} ในรายการ OIT ของปีงบประมาณ ${fiscalYear}`,
          });
        const path = publicPaths.oitItem(agencyId, fiscalYear, item.id);
        const address = `${context.publicUrl?.replace(/\/+$/, "") ?? ""}${path}`;
        const { renderOitItemPage } = await publicPages();
        const page = renderOitItemPage({
          data,
          framework,
          evidence: publishedEvidence(),
          item,
          sub,
          address,
        });
        return sendCached(request, reply, page, html);
      },
    );

    app.get(
      "/:agencyId/:fiscalYear/documents/:documentId.:format",
      {
        config,
        schema: {
          tags,
          params: publicDocumentParams,
          response: { 200: documentFile, 304: notModified, 404: htmlPage },
        },
      },
      async (request, reply) => {
        const file = await readPublicDocumentFile({ db, ...request.params });
        const etag = `"${file.sha256}"`;
        reply.header("etag", etag).header("cache-control", "public, max-age=60");
        if (request.headers["if-none-match"] === etag) return reply.status(304).send(null);
        // The web version opens in the browser; PDF and Word files download under a Thai name.
        if (request.params.format === "html") reply.header("content-security-policy", DOCUMENT_CSP);
        else
          reply.header("content-disposition", attachmentDisposition(file.fileName, file.asciiName));
        return reply.type(file.contentType).send(file.bytes);
      },
    );
  };

  return async (app) => {
    await app.register(pages, { prefix: "/p" });
  };
}
