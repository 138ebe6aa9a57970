import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DomainError, type IssueDetail } from "../errors.ts";
import { issueDetails } from "../validation.ts";
import { defaultContentDir } from "./load-content.ts";

// The country's shape as data: regions, the 77 provinces and the kinds of agency, for the national
// view's breakdowns and the national demo. Nothing here varies by fiscal year.

export const PROVINCES_FILE = "provinces.json";
export const AGENCY_TYPES_FILE = "agency-types.json";

const slug = z.string().regex(/^[a-z][a-z0-9-]*$/);
const name = z.string().trim().min(1);

const provincesSchema = z
  .strictObject({
    $comment: z.string().optional(),
    regions: z.array(z.strictObject({ id: slug, th: name, en: name })).min(1),
    provinces: z
      .array(
        z.strictObject({
          th: name,
          en: name,
          region: slug,
          /** The seat of the central government, where agencies of national scope sit. */
          capital: z.literal(true).optional(),
        }),
      )
      .min(1),
  })
  .superRefine((file, ctx) => {
    const regions = new Set(file.regions.map((r) => r.id));
    if (file.provinces.filter((p) => p.capital).length !== 1)
      ctx.addIssue({
        code: "custom",
        path: ["provinces"],
        message: "exactly one province must be the capital (ต้องมีจังหวัดที่เป็นเมืองหลวงหนึ่งจังหวัด)",
      });
    const seen = new Set<string>();
    file.provinces.forEach((p, i) => {
      if (!regions.has(p.region))
        ctx.addIssue({
          code: "custom",
          path: ["provinces", i, "region"],
          message: `unknown region ${p.region} (ไม่มีภาค ${p.region} ในรายการ regions)`,
        });
      if (seen.has(p.th))
        ctx.addIssue({
          code: "custom",
          path: ["provinces", i, "th"],
          message: `province ${p.th} is listed twice (จังหวัด ${p.th} ซ้ำ)`,
        });
      seen.add(p.th);
    });
  });

const agencyTypesSchema = z.strictObject({
  $comment: z.string().optional(),
  types: z
    .array(
      z
        .strictObject({
          id: slug,
          th: name,
          short: name,
          en: name,
          level: z.enum(["local", "regional", "central"]),
          /** Spread over the provinces, or seated in the capital. */
          where: z.enum(["province", "capital"]),
          /** The province every agency of this kind sits in, when there is one such place. */
          seat: name.optional(),
          typicalCount: z.number().int().positive(),
          staff: z.strictObject({ min: z.number().int().positive(), max: z.number().int() }),
        })
        .refine((t) => t.staff.max >= t.staff.min, {
          path: ["staff", "max"],
          message: "staff.max must not be below staff.min (จำนวนบุคลากรสูงสุดต้องไม่น้อยกว่าต่ำสุด)",
        }),
    )
    .min(1),
});

export type Region = z.output<typeof provincesSchema>["regions"][number];
export type Province = z.output<typeof provincesSchema>["provinces"][number];
export type AgencyType = z.output<typeof agencyTypesSchema>["types"][number];

export interface NationalReference {
  regions: Region[];
  provinces: Province[];
  types: AgencyType[];
}

/** Reads and checks content/th/provinces.json and agency-types.json; every problem is listed. */
export function loadNationalReference(dir: string = defaultContentDir()): NationalReference {
  const places = readChecked(dir, PROVINCES_FILE, provincesSchema);
  const kinds = readChecked(dir, AGENCY_TYPES_FILE, agencyTypesSchema);
  const known = new Set(places.provinces.map((p) => p.th));
  const unknownSeats = kinds.types.flatMap((t, i) =>
    t.seat === undefined || known.has(t.seat)
      ? []
      : [
          {
            path: `${AGENCY_TYPES_FILE}:types.${i}.seat`,
            th: `ไม่มีจังหวัด ${t.seat} ใน ${PROVINCES_FILE}`,
            en: `${t.seat} is not a province of ${PROVINCES_FILE}`,
          },
        ],
  );
  if (unknownSeats.length > 0) throw invalid(AGENCY_TYPES_FILE, unknownSeats);
  return { regions: places.regions, provinces: places.provinces, types: kinds.types };
}

function readChecked<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(join(dir, file), "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid(file, [
      { path: file, th: `อ่านไฟล์ไม่ได้: ${reason}`, en: `cannot read: ${reason}` },
    ]);
  }
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw invalid(
    file,
    result.error.issues.flatMap((issue) =>
      issueDetails(issue).map((d) => ({ ...d, path: `${file}:${d.path}` })),
    ),
  );
}

function invalid(file: string, details: IssueDetail[]): DomainError {
  return new DomainError(
    "INPUT_INVALID",
    `${file} is invalid: ${details.map((d) => `${d.path}: ${d.en}`).join("; ")}`,
    { userMessage: `ไฟล์ข้อมูลอ้างอิง ${file} ไม่ถูกต้อง`, details },
  );
}
