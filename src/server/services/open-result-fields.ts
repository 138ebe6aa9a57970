import type { NationalReference } from "../../domain/content/national-reference.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import type { OpenIndicatorField, OpenResultRow } from "../../shared/open-data.ts";

// The indicator fields of a year come from the frameworks its results were scored under, and a
// row's region from the national reference: nothing about a year is written here.

/** "Performance of duties" → "performance_of_duties", so a JSON key says what it holds. */
function snake(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/**
 * One field per indicator number used by any of the year's frameworks, in number order; each
 * named from the first framework (by id) that has it.
 */
export function openIndicatorFields(
  frameworks: ReadonlyMap<string, Framework>,
  frameworkIds: readonly string[],
): OpenIndicatorField[] {
  const byNumber = new Map<number, OpenIndicatorField>();
  for (const id of [...frameworkIds].sort())
    for (const indicator of frameworks.get(id)?.indicators ?? [])
      if (!byNumber.has(indicator.number)) {
        const words = snake(indicator.name.en);
        byNumber.set(indicator.number, {
          number: indicator.number,
          key: `indicator_${indicator.number}${words ? `_${words}` : ""}`,
          th: `ตัวชี้วัดที่ ${indicator.number} ${indicator.name.th}`,
          en: indicator.name.en,
        });
      }
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}

/** A result row as read from the database, before it becomes an open row. */
export interface StoredOpenResult {
  agency_id: string;
  agency_name: string;
  agency_type: string;
  province: string;
  fiscal_year: number;
  framework_id: string;
  indicators: Record<string, number>;
  computed_overall: number;
  computed_level: string;
  official_overall: number | null;
  official_level: string | null;
}

/** Turns stored rows into open rows: the region looked up, each indicator under its field. */
export function openRowMapper(
  reference: NationalReference,
  fields: readonly OpenIndicatorField[],
): (row: StoredOpenResult) => OpenResultRow {
  const regions = new Map(reference.regions.map((r) => [r.id, r]));
  const regionOf = new Map(reference.provinces.map((p) => [p.th, regions.get(p.region)]));
  return (row) => {
    const region = regionOf.get(row.province);
    const scores: Record<`indicator_${string}`, number | null> = {};
    for (const field of fields)
      scores[`indicator_${field.key.slice("indicator_".length)}`] =
        row.indicators[String(field.number)] ?? null;
    return {
      agency_id: row.agency_id,
      agency_name: row.agency_name,
      agency_type: row.agency_type,
      province: row.province,
      region_id: region?.id ?? null,
      region: region?.th ?? null,
      fiscal_year: Number(row.fiscal_year),
      framework_id: row.framework_id,
      ...scores,
      computed_overall: Number(row.computed_overall),
      level: row.computed_level,
      official_overall: row.official_overall === null ? null : Number(row.official_overall),
      official_level: row.official_level,
    };
  };
}
