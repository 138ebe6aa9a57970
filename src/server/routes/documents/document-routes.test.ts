import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderHtml } from "../../../documents/html/render-html.ts";
import { loadDocumentDeps } from "../../../documents/measures/load-document-deps.ts";
import { prepareMeasuresDocument } from "../../../documents/measures/prepare-measures-document.ts";
import { documentFormats as rendererFormats } from "../../../documents/render-document.ts";
import { docxToText, pdfToText } from "../../../documents/test-tools.ts";
import { type DocumentVersion, documentFormats } from "../../../shared/document.ts";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { auditLog, blobs, measures } from "../../db/schema.ts";
import { loadMeasuresInput } from "../../services/load-measures-input.ts";
import { verifyAudit } from "../../services/verify-audit.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";
import { type HuaiSakYear, insertHuaiSakYear } from "../../test-year.ts";

/** Table cells and wrapped lines break text anywhere; compare without whitespace. */
const squash = (s: string) => s.replace(/\s+/g, "");
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const documentsUrl = (year: HuaiSakYear) =>
  `/api/agencies/${year.agencyId}/assessments/${year.assessmentId}/documents`;

async function setUp(engine: (typeof engines)[number]) {
  const database = await freshDatabase(engine);
  const app = await buildApp({ config: { LOG_LEVEL: "silent" }, database });
  const year = await insertHuaiSakYear({ db: database.db });
  const coordinator = await signInAs(app, database, [
    { agencyId: year.agencyId, role: "agency_admin" },
  ]);
  const generate = (body: object, as: Browser = coordinator, target = year) =>
    app.inject({ method: "POST", url: documentsUrl(target), payload: body, ...as });
  return { database, app, year, coordinator, generate };
}

describe.each(engines)("document routes on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let year: HuaiSakYear;
  let coordinator: Browser & { userId: string };
  let generate: Awaited<ReturnType<typeof setUp>>["generate"];
  let first: DocumentVersion;
  let second: DocumentVersion;

  beforeAll(async () => {
    ({ database, app, year, coordinator, generate } = await setUp(engine));
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("generates the Huai Sak measures document from the stored rows, as versions 1 and 2", async () => {
    const one = await generate({ kind: "measures" });
    expect(one.statusCode, one.body).toBe(201);
    first = one.json();
    expect(first.version).toBe(1);
    expect(Object.keys(first.files).sort()).toEqual(["docx", "html", "pdf"]);
    for (const file of Object.values(first.files)) {
      expect(file?.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(file?.size).toBeGreaterThan(1000);
    }
    const two = await generate({ kind: "measures", formats: ["html", "pdf"], digits: "thai" });
    second = two.json();
    expect(second.version).toBe(2);
    expect(second.createdBy).toBe(coordinator.userId);
    // The same data gives the same HTML, stored once.
    expect(second.files.html?.sha256).toBe(first.files.html?.sha256);
    const shas = new Set(
      [...Object.values(first.files), ...Object.values(second.files)].map((f) => f?.sha256),
    );
    const stored = await database.db
      .select({ sha256: blobs.sha256 })
      .from(blobs)
      .where(eq(blobs.agencyId, year.agencyId));
    expect(stored.map((b) => b.sha256).sort()).toEqual([...shas].sort());
  });

  it("lists the versions newest first with their formats and sizes", async () => {
    const list = await app.inject({ url: documentsUrl(year), ...coordinator });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([second, first]);
  });

  it("downloads the PDF with its type, Thai file name and ETag; it prints the data", async () => {
    const url = `${documentsUrl(year)}/${first.id}/pdf`;
    const pdf = await app.inject({ url, ...coordinator });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const name = encodeURIComponent("มาตรการ-เทศบาลตำบลห้วยสัก-2566-v1.pdf");
    expect(pdf.headers["content-disposition"]).toBe(
      `attachment; filename="measures-2566-v1.pdf"; filename*=UTF-8''${name}`,
    );
    expect(pdf.headers.etag).toBe(`"${first.files.pdf?.sha256}"`);
    expect(sha256(pdf.rawPayload)).toBe(first.files.pdf?.sha256);
    const text = squash(await pdfToText(pdf.rawPayload, { raw: true }));
    for (const expected of [
      "เทศบาลตำบลห้วยสัก",
      "๗๘.๓๓",
      ...year.example.measures.map((m) => m.title),
    ])
      expect(text).toContain(squash(expected));
    const again = await app.inject({
      url,
      headers: { ...coordinator.headers, "if-none-match": pdf.headers.etag as string },
      cookies: coordinator.cookies,
    });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it("serves HTML and DOCX with their content types, and refuses a format the version lacks", async () => {
    const html = await app.inject({
      url: `${documentsUrl(year)}/${second.id}/html`,
      ...coordinator,
    });
    expect(html.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(html.body).toContain("เทศบาลตำบลห้วยสัก");
    const docx = await app.inject({
      url: `${documentsUrl(year)}/${first.id}/docx`,
      ...coordinator,
    });
    expect(docx.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const none = await app.inject({
      url: `${documentsUrl(year)}/${second.id}/docx`,
      ...coordinator,
    });
    expect(none.statusCode).toBe(404);
    expect(none.json().error.message).toContain("DOCX");
  });

  it("shows the HTML inline for a preview, sandboxed, under the same name", async () => {
    const url = `${documentsUrl(year)}/${first.id}/html?disposition=inline`;
    const html = await app.inject({ url, ...coordinator });
    expect(html.statusCode).toBe(200);
    const name = encodeURIComponent("มาตรการ-เทศบาลตำบลห้วยสัก-2566-v1.html");
    expect(html.headers["content-disposition"]).toBe(
      `inline; filename="measures-2566-v1.html"; filename*=UTF-8''${name}`,
    );
    expect(html.headers["content-security-policy"]).toMatch(/^sandbox; default-src 'none'/);
    expect(html.body).toContain("เทศบาลตำบลห้วยสัก");
    const saved = await app.inject({
      url: `${documentsUrl(year)}/${first.id}/html`,
      ...coordinator,
    });
    expect(saved.headers["content-disposition"]).toMatch(/^attachment; /);
    const bad = await app.inject({ url: `${url.split("?")[0]}?disposition=open`, ...coordinator });
    expect(bad.statusCode).toBe(400);
  });

  it("keeps the exact input of each version: it rebuilds the same HTML, later edits aside", async () => {
    const detail = (
      await app.inject({ url: `${documentsUrl(year)}/${first.id}`, ...coordinator })
    ).json();
    const { input } = await loadMeasuresInput({
      db: database.db,
      frameworks: loadDocumentDeps().frameworks,
      agencyId: year.agencyId,
      assessmentId: year.assessmentId,
    });
    expect(detail.input).toEqual(input);
    const rebuilt = Buffer.from(
      renderHtml(prepareMeasuresDocument(detail.input, loadDocumentDeps(), "thai").model),
    );
    expect(sha256(rebuilt)).toBe(first.files.html?.sha256);

    await database.db
      .update(measures)
      .set({ title: "มาตรการที่แก้ไขภายหลัง" })
      .where(eq(measures.agencyId, year.agencyId));
    const third: DocumentVersion = (await generate({ kind: "measures", formats: ["html"] })).json();
    expect(third.version).toBe(3);
    const later = (
      await app.inject({ url: `${documentsUrl(year)}/${third.id}`, ...coordinator })
    ).json();
    expect(later.input.measures[0].title).toBe("มาตรการที่แก้ไขภายหลัง");
    const again = (
      await app.inject({ url: `${documentsUrl(year)}/${first.id}`, ...coordinator })
    ).json();
    expect(again.input).toEqual(detail.input);
  });

  it("numbers generations made at the same time one after the other", async () => {
    const before: DocumentVersion[] = (
      await app.inject({ url: documentsUrl(year), ...coordinator })
    ).json();
    const next = Math.max(...before.map((d) => d.version)) + 1;
    const answers = await Promise.all(
      [0, 1, 2].map(() => generate({ kind: "measures", formats: ["html"] })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    expect(answers.map((a) => a.json().version).sort()).toEqual([next, next + 1, next + 2]);
  });

  it("writes Arabic digits when asked", async () => {
    const made: DocumentVersion = (
      await generate({ kind: "measures", formats: ["html"], digits: "arabic" })
    ).json();
    const html = await app.inject({ url: `${documentsUrl(year)}/${made.id}/html`, ...coordinator });
    expect(html.body).toContain("78.33");
    expect(html.body).not.toContain("๗๘.๓๓");
  });

  it("records each generation in the audit chain, without file bytes", async () => {
    const entries = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "document.generate"));
    expect(entries).toHaveLength(7);
    const one = entries.find((e) => e.entityId === first.id);
    expect(one?.after).toMatchObject({ version: 1, digits: "thai", files: first.files });
    for (const e of entries) expect(JSON.stringify(e.after).length).toBeLessThan(1000);
    expect((await verifyAudit({ db: database.db })).problems).toEqual([]);
  });

  it("lists every problem of a bad request and documents the routes", async () => {
    const bad = await generate({ kind: "letter", formats: ["odt"], digits: "roman" });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["body.kind", "body.formats.0", "body.digits"]));
    const badId = await app.inject({ url: `${documentsUrl(year)}/not-a-uuid`, ...coordinator });
    expect(badId.statusCode).toBe(400);
    expect(documentFormats).toEqual(rendererFormats);
    const spec = (await app.inject({ url: "/api/openapi.json" })).json();
    const download =
      spec.paths[
        "/api/agencies/{agencyId}/assessments/{assessmentId}/documents/{documentId}/{format}"
      ];
    expect(Object.keys(download.get.responses["200"].content)).toContain("application/pdf");
  });
});

// LibreOffice is slow: reading the DOCX back on one engine is enough.
describe("the stored DOCX read back by LibreOffice", () => {
  let context: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    context = await setUp("pglite");
  });
  afterAll(async () => {
    await context?.app.close();
    await context?.database.close();
  });

  it("opens with the agency, the score in Thai digits and every measure", async () => {
    const { app, year, coordinator, generate } = context;
    const made: DocumentVersion = (await generate({ kind: "measures", formats: ["docx"] })).json();
    const docx = await app.inject({ url: `${documentsUrl(year)}/${made.id}/docx`, ...coordinator });
    const text = squash(await docxToText(docx.rawPayload));
    for (const expected of [
      "เทศบาลตำบลห้วยสัก",
      "๗๘.๓๓",
      ...year.example.measures.map((m) => m.title),
    ])
      expect(text).toContain(squash(expected));
  });
});
