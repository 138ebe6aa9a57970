import { z } from "zod";
import { documentFormats } from "./document.ts";
import { type MeasureStatus, measureStatuses } from "./measure.ts";
import { type ProgressKind, progressKinds } from "./progress.ts";

// An agency's public transparency page: its addresses and the data it shows, which data.json
// serves as it is and data.csv flattens.

export const publicAgencyParams = z.object({ agencyId: z.uuid() });
export const publicYearParams = publicAgencyParams.extend({
  /** Buddhist Era, as every framework's fiscal year. */
  fiscalYear: z.coerce.number().int().min(2500).max(2700),
});
export const publicOitItemParams = publicYearParams.extend({
  /** An OIT item id of that year's framework, e.g. O42; case does not matter. */
  itemId: z.string().regex(/^[oO][0-9]{1,3}$/),
});
export const publicDocumentParams = publicYearParams.extend({
  documentId: z.uuid(),
  format: z.enum(documentFormats),
});

const label = z.object({ th: z.string(), en: z.string() });

export const measureStatusLabels: Record<MeasureStatus, { th: string; en: string }> = {
  planned: { th: "ยังไม่เริ่มดำเนินการ", en: "planned" },
  in_progress: { th: "อยู่ระหว่างดำเนินการ", en: "in progress" },
  done: { th: "ดำเนินการแล้วเสร็จ", en: "done" },
  cancelled: { th: "ยกเลิก", en: "cancelled" },
};

export const progressKindLabels: Record<ProgressKind, { th: string; en: string }> = {
  six_month: { th: "รายงานความก้าวหน้ารอบ 6 เดือน", en: "six-month progress report" },
  year_end: { th: "รายงานผลการดำเนินงานรอบสิ้นปีงบประมาณ", en: "year-end report" },
};

export const publicYearData = z.object({
  agency: z.object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    type: z.string(),
    province: z.string(),
    district: z.string(),
    website: z.string(),
    headName: z.string().nullable(),
    headPosition: z.string(),
  }),
  /** The fiscal year of the measures (Buddhist Era). */
  fiscalYear: z.number().int(),
  frameworkId: z.string(),
  /** Every fiscal year the agency has, newest first. */
  years: z.array(z.number().int()),
  /** The latest earlier result, which this year's measures analyse (ADR 0005). */
  result: z
    .object({
      fiscalYear: z.number().int(),
      frameworkId: z.string(),
      /** The official overall when known, else the one recomputed from the indicators. */
      overall: z.number(),
      official: z.boolean(),
      level: z.string(),
      /** Null for years before the rating existed. */
      rating: label.nullable(),
      /** The framework's pass mark (or first target), drawn on the chart. */
      passMark: z.number().nullable(),
      previous: z
        .object({ fiscalYear: z.number().int(), overall: z.number(), level: z.string() })
        .nullable(),
      indicators: z.array(
        z.object({
          number: z.number().int(),
          name: label,
          tool: z.string(),
          score: z.number().nullable(),
          /** The same indicator in the previous result, when known. */
          previous: z.number().nullable(),
        }),
      ),
    })
    .nullable(),
  /** The latest approved version of the analysis-and-measures document; null until one is. */
  document: z
    .object({
      id: z.string(),
      version: z.number().int(),
      /** The day (in Thailand) it was approved, YYYY-MM-DD. */
      approvedOn: z.string(),
      files: z.array(
        z.object({ format: z.enum(documentFormats), size: z.number().int(), url: z.string() }),
      ),
    })
    .nullable(),
  measures: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
      title: z.string(),
      responsible: z.array(z.string()),
      indicators: z.array(z.number().int()),
      oitItems: z.array(z.string()),
      status: z.enum(measureStatuses),
      statusLabel: label,
      progress: z.number().int(),
      startDate: z.string().nullable(),
      dueDate: z.string().nullable(),
    }),
  ),
  progressReports: z.array(
    z.object({
      kind: z.enum(progressKinds),
      label,
      asOf: z.string(),
      summary: z.string(),
      entries: z.array(
        z.object({
          measureId: z.string(),
          title: z.string(),
          status: z.enum(measureStatuses),
          progress: z.number().int(),
          note: z.string(),
        }),
      ),
    }),
  ),
  links: z.object({ page: z.string(), oit: z.string(), json: z.string(), csv: z.string() }),
});

export type PublicYearData = z.output<typeof publicYearData>;

/** The public addresses of an agency's year, root-relative. */
export const publicPaths = {
  agency: (agencyId: string) => `/p/${agencyId}`,
  year: (agencyId: string, fiscalYear: number) => `/p/${agencyId}/${fiscalYear}`,
  oit: (agencyId: string, fiscalYear: number) => `/p/${agencyId}/${fiscalYear}/oit`,
  oitItem: (agencyId: string, fiscalYear: number, itemId: string) =>
    `/p/${agencyId}/${fiscalYear}/oit/${encodeURIComponent(itemId)}`,
  document: (agencyId: string, fiscalYear: number, documentId: string, format: string) =>
    `/p/${agencyId}/${fiscalYear}/documents/${documentId}.${format}`,
  json: (agencyId: string, fiscalYear: number) => `/p/${agencyId}/${fiscalYear}/data.json`,
  csv: (agencyId: string, fiscalYear: number) => `/p/${agencyId}/${fiscalYear}/data.csv`,
};
