import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadDocumentDeps } from "../src/documents/measures/load-document-deps.ts";
import {
  type PreparedMeasuresDocument,
  prepareMeasuresDocument,
} from "../src/documents/measures/prepare-measures-document.ts";
import { createPdfRenderer, type PdfRenderer } from "../src/documents/pdf/render-pdf.ts";
import { renderDocument } from "../src/documents/render-document.ts";
import { docxToText, pdfToText } from "../src/documents/test-tools.ts";

// The acceptance check of the foundation: the Huai Sak document, read back by real clients.
const example = parse(
  readFileSync(fileURLToPath(new URL("../examples/huai-sak-2566.yaml", import.meta.url)), "utf8"),
);
/** Table cells and wrapped lines break text anywhere; compare without whitespace. */
const squash = (s: string) => s.replace(/\s+/g, "");

let pdf: PdfRenderer;
let prepared: PreparedMeasuresDocument;
beforeAll(async () => {
  pdf = await createPdfRenderer();
  prepared = prepareMeasuresDocument(example, loadDocumentDeps(), "thai");
});
afterAll(() => pdf?.close());

const expectations = () => [
  "เทศบาลตำบลห้วยสัก",
  "๗๘.๓๓",
  "ปีงบประมาณ พ.ศ. ๒๕๖๖",
  "๓๑ มีนาคม ๒๕๖๖",
  ...prepared.year.measures.map((m) => m.title),
];

describe("the Huai Sak analysis-and-measures document", () => {
  it("prints the agency, the score in Thai digits and every measure in the PDF", async () => {
    const bytes = await renderDocument(prepared.model, "pdf", async () => pdf);
    const text = squash(await pdfToText(bytes, { raw: true }));
    for (const expected of expectations()) expect(text).toContain(squash(expected));
    expect(text).not.toContain("70.64");
    expect(text).not.toContain("๗๐.๖๔");
  });

  it("opens in LibreOffice with the same content from the DOCX", async () => {
    const bytes = await renderDocument(prepared.model, "docx", async () => pdf);
    const text = squash(await docxToText(bytes));
    for (const expected of expectations()) expect(text).toContain(squash(expected));
  });

  it("names no other municipality and no other fiscal year than the data gives", async () => {
    const html = (await renderDocument(prepared.model, "html", async () => pdf)).toString("utf8");
    const body = html.replace(/<style[\s\S]*?<\/style>/g, "");
    for (const wrong of ["ท่าวัยลักษ์", "ห้วยลักษ์", "๒๕๖๔", "๒๕๖๗"]) expect(body).not.toContain(wrong);
    const years = new Set(body.match(/๒๕[๐-๙]{2}/g));
    expect([...years].sort()).toEqual(["๒๕๖๕", "๒๕๖๖"]);
  });

  it("writes Arabic digits when asked", () => {
    const arabic = prepareMeasuresDocument(example, loadDocumentDeps(), "arabic");
    const text = JSON.stringify(arabic.model.blocks);
    expect(text).toContain("78.33");
    expect(text).not.toMatch(/[๐-๙]/);
  });
});
