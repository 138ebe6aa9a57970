import { z } from "zod";

// Every agency's ITA result of a fiscal year as open data: one row per agency, the same in the
// CSV file, the JSON file and the paged API. Indicator fields are named from the year's framework.

/** Buddhist Era, as every framework's fiscal year. */
const fiscalYear = z.coerce.number().int().min(2500).max(2700);

export const openResultsFileParams = z.object({ fiscalYear });

/** The agency id after which the next page starts (keyset paging by agency id). */
export const openResultsQuery = z.object({
  fiscalYear: fiscalYear.describe("ปีงบประมาณ (พ.ศ.) / fiscal year, Buddhist Era"),
  province: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe("ชื่อจังหวัดภาษาไทย / the province's Thai name"),
  type: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe("ประเภทหน่วยงานภาษาไทย / the kind of agency's Thai name"),
  region: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]*$/)
    .max(40)
    .optional()
    .describe("รหัสภาค เช่น north / the region's id, e.g. north"),
  cursor: z.uuid().optional().describe("รหัสหน่วยงานสุดท้ายของหน้าก่อน / the last agency id seen"),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type OpenResultsQuery = z.output<typeof openResultsQuery>;

/** `?page=` is what ckanext-dcat's dcat_json harvester adds; the catalogue is one page, so it repeats. */
export const openCatalogQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});

/** One indicator field: its JSON key and the names its CSV header is made of. */
export const openIndicatorField = z.object({
  number: z.number().int(),
  key: z.string().describe("e.g. indicator_1_performance_of_duties"),
  th: z.string(),
  en: z.string(),
});
export type OpenIndicatorField = z.output<typeof openIndicatorField>;

const score = z.number().nullable();

/** The fields every row has. */
const openResultFixed = z.object({
  agency_id: z.string(),
  agency_name: z.string(),
  agency_type: z.string().describe("ประเภทหน่วยงาน (ไทย) / kind of agency, Thai"),
  province: z.string().describe("จังหวัด (ไทย) / province, Thai"),
  region_id: z.string().nullable().describe("null when the province is not in the reference"),
  region: z.string().nullable().describe("ภาค (ไทย) / region, Thai"),
  fiscal_year: z.number().int(),
  framework_id: z.string(),
  computed_overall: z.number().describe("คะแนนรวมที่คำนวณใหม่ / overall recomputed"),
  level: z.string().describe("ระดับจากคะแนนรวม / level of the overall, e.g. AA, A, B"),
  official_overall: score.describe("คะแนนรวมทางการ เมื่อมี / official overall, when known"),
  official_level: z.string().nullable(),
});

/** A row: the fixed fields, and one `indicator_<n>_<english name>` score per indicator. */
export const openResultRow = openResultFixed.catchall(score);
export type OpenResultRow = z.output<typeof openResultFixed> &
  Record<`indicator_${string}`, number | null>;

export const openResultsPage = z.object({
  fiscalYear: z.number().int(),
  license: z.string(),
  indicators: z.array(openIndicatorField),
  rows: z.array(openResultRow),
  /** The cursor of the next page, or null on the last. */
  next: z.string().nullable(),
});
export type OpenResultsPage = Omit<z.output<typeof openResultsPage>, "rows"> & {
  rows: OpenResultRow[];
};

/** The fixed fields in file order, with the Thai header each CSV column carries. */
export const openResultFixedFields = [
  ["agency_id", "รหัสหน่วยงาน"],
  ["agency_name", "ชื่อหน่วยงาน"],
  ["agency_type", "ประเภทหน่วยงาน"],
  ["province", "จังหวัด"],
  ["region_id", "รหัสภาค"],
  ["region", "ภาค"],
  ["fiscal_year", "ปีงบประมาณ"],
  ["framework_id", "กรอบการประเมิน"],
] as const;

export const openResultTotalFields = [
  ["computed_overall", "คะแนนรวม"],
  ["level", "ระดับ"],
  ["official_overall", "คะแนนรวมทางการ"],
  ["official_level", "ระดับทางการ"],
] as const;

/**
 * A page for the response schema: Zod's type cannot say that the extra (indicator) keys differ in
 * type from the fixed ones, though the schema checks each of them when the page is sent.
 */
export function toOpenResultsResponse(page: OpenResultsPage): z.input<typeof openResultsPage> {
  return page as unknown as z.input<typeof openResultsPage>;
}
