import { z } from "zod";

// Generated documents as the API shows them: each version with its files, and what to generate.

export const documentKinds = ["measures"] as const;
export const documentFormats = ["html", "docx", "pdf"] as const;
export const digitStyles = ["thai", "arabic"] as const;
export type DocumentKind = (typeof documentKinds)[number];
export type DocumentFileFormat = (typeof documentFormats)[number];

/** The start of a downloaded file's name, e.g. มาตรการ-เทศบาลตำบลห้วยสัก-2566-v2.pdf. */
export const documentFileStems: Record<DocumentKind, { th: string; en: string }> = {
  measures: { th: "มาตรการ", en: "measures" },
};

/** The Content-Type each stored format is served with. */
export const documentContentTypes: Record<DocumentFileFormat, string> = {
  html: "text/html; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

export const documentGenerate = z.strictObject({
  kind: z.enum(documentKinds),
  formats: z
    .array(z.enum(documentFormats))
    .min(1)
    .default([...documentFormats]),
  digits: z.enum(digitStyles).default("thai"),
});

export const assessmentDocumentsParams = z.object({
  agencyId: z.uuid(),
  assessmentId: z.uuid(),
});
export const documentParams = assessmentDocumentsParams.extend({ documentId: z.uuid() });
export const documentFileParams = documentParams.extend({ format: z.enum(documentFormats) });
export const documentFileQuery = z.object({
  /** `inline` shows the file in the browser (the HTML preview); the default saves it. */
  disposition: z.enum(["attachment", "inline"]).default("attachment"),
});

const documentFile = z.object({ sha256: z.string(), size: z.number().int() });

export const documentVersion = z.object({
  id: z.string(),
  kind: z.string(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  files: z.partialRecord(z.enum(documentFormats), documentFile),
  /** How it was rendered; with the input, enough to rebuild it. */
  options: z.object({ digits: z.enum(digitStyles).optional() }),
  /** When the head of agency approved this version; null while it is not approved. */
  approvedAt: z.iso.datetime().nullable(),
  /** Who recorded the approval (a user id). */
  approvedBy: z.string().nullable(),
});

/** Approving the latest version: the day the head signed, printed in the version it produces. */
export const documentApprove = z.strictObject({
  /** YYYY-MM-DD inside the measures' fiscal year; today in Bangkok when omitted. */
  approvedOn: z.iso.date().optional(),
});

export const documentDetail = documentVersion.extend({
  /** The agency-year data the document was built from (docs/agency-year-format.md). */
  input: z
    .record(z.string(), z.unknown())
    .describe("the agency-year data the document was built from (docs/agency-year-format.md)"),
});

export type DocumentGenerate = z.output<typeof documentGenerate>;
export type DocumentVersion = z.output<typeof documentVersion>;
export type DocumentDetail = z.output<typeof documentDetail>;
export type DocumentApprove = z.output<typeof documentApprove>;
