import { sql } from "drizzle-orm";
import { fiscalYearRange, toIsoDate } from "../../domain/thai/dates.ts";
import { type Db, queryRows } from "../db/database.ts";
import { openDataCatalogJsonLd } from "./open-data-catalog-jsonld.ts";
import { OPEN_DATA_KEYWORDS, OPEN_DATA_LICENSE, OPEN_DATA_PUBLISHER } from "./open-data-terms.ts";

// The catalogue a national data portal harvests: one dataset per fiscal year that has results,
// each with its CSV and JSON files. Served as a DCAT-US 1.1 (Project Open Data) data.json, which
// ckanext-dcat's dcat_json harvester reads, and as DCAT-AP in JSON-LD for RDF harvesters.

/** A fiscal year with results, as the catalogue describes it. */
export interface OpenDataset {
  fiscalYear: number;
  count: number;
  /** The latest `results.updated_at` of the year, ISO 8601 in UTC. */
  modified: string;
  identifier: string;
  title: { th: string; en: string };
  description: { th: string; en: string };
  /** Gregorian ISO dates of the fiscal year's first and last days. */
  temporal: { start: string; end: string };
  files: { format: "CSV" | "JSON"; mediaType: string; url: string; title: string }[];
  /** The paged API of the same rows. */
  api: string;
}

export interface OpenDataCatalog {
  /** Changes whenever a year's results change, appear or go. */
  version: string;
  body: Record<string, unknown>;
}

const POD_SCHEMA = "https://project-open-data.cio.gov/v1.1/schema";

function datasetOf(base: string, row: { fiscal_year: number; count: number; latest: string }) {
  const year = Number(row.fiscal_year);
  const range = fiscalYearRange(year);
  const file = (format: "CSV" | "JSON", mediaType: string) => ({
    format,
    mediaType,
    url: `${base}/open-data/results/${year}.${format.toLowerCase()}`,
    title: `ผลการประเมิน ITA ปีงบประมาณ ${year} (${format}) / ITA results, fiscal year ${year} (${format})`,
  });
  return {
    fiscalYear: year,
    count: Number(row.count),
    modified: row.latest,
    identifier: `${base}/open-data/results/${year}`,
    title: {
      th: `ผลการประเมินคุณธรรมและความโปร่งใส (ITA) ของหน่วยงานภาครัฐ ปีงบประมาณ ${year}`,
      en: `Integrity and Transparency Assessment (ITA) results of public agencies, fiscal year ${year}`,
    },
    description: {
      th:
        `ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ${year} ของทุกหน่วยงานที่มีผล (${Number(row.count)} หน่วยงาน): ` +
        "ประเภทหน่วยงาน จังหวัด ภาค คะแนนรายตัวชี้วัด คะแนนรวม ระดับ และคะแนนรวมทางการเมื่อมี",
      en:
        `ITA results of fiscal year ${year} (Buddhist Era) of every agency with a result: kind of agency, ` +
        "province, region, each indicator's score, the overall, the level and the official overall when known.",
    },
    temporal: { start: toIsoDate(range.start), end: toIsoDate(range.end) },
    files: [file("CSV", "text/csv"), file("JSON", "application/json")],
    api: `${base}/api/open/results?fiscalYear=${year}`,
  } satisfies OpenDataset;
}

/** The years with results, newest first, with their counts and latest change. */
export async function listOpenDatasets({
  db,
  baseUrl,
}: {
  db: Db;
  baseUrl: string;
}): Promise<OpenDataset[]> {
  const rows = await queryRows<{ fiscal_year: number; count: number; latest: string }>(
    db,
    sql`select s.fiscal_year, count(*)::int as count,
               to_char(max(r.updated_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as latest
          from results r
          join assessments s on s.agency_id = r.agency_id and s.id = r.assessment_id
         group by s.fiscal_year
         order by s.fiscal_year desc`,
  );
  return rows.map((row) => datasetOf(baseUrl, row));
}

/** One DCAT-US 1.1 dataset, with the fields ckanext-dcat's converter reads. */
function podDataset(d: OpenDataset) {
  return {
    "@type": "dcat:Dataset",
    identifier: d.identifier,
    title: `${d.title.th} (${d.title.en})`,
    description: `${d.description.th}\n\n${d.description.en}`,
    keyword: [...OPEN_DATA_KEYWORDS, `fiscal year ${d.fiscalYear}`],
    modified: d.modified,
    publisher: { "@type": "org:Organization", name: `${OPEN_DATA_PUBLISHER.th}` },
    accessLevel: "public",
    license: OPEN_DATA_LICENSE.url,
    rights: `${OPEN_DATA_LICENSE.th} / ${OPEN_DATA_LICENSE.en}`,
    temporal: `${d.temporal.start}/${d.temporal.end}`,
    spatial: "Thailand",
    language: ["th"],
    accrualPeriodicity: "R/P1Y",
    distribution: [
      ...d.files.map((f) => ({
        "@type": "dcat:Distribution",
        title: f.title,
        downloadURL: f.url,
        mediaType: f.mediaType,
        format: f.format,
      })),
      {
        "@type": "dcat:Distribution",
        title: `API แบ่งหน้า ปีงบประมาณ ${d.fiscalYear} / paged API, fiscal year ${d.fiscalYear}`,
        accessURL: d.api,
        mediaType: "application/json",
        format: "API",
      },
    ],
  };
}

/** The whole catalogue in one of its two forms, with a version for its ETag. */
export async function buildOpenDataCatalog({
  db,
  baseUrl,
  format,
}: {
  db: Db;
  baseUrl: string;
  format: "data.json" | "jsonld";
}): Promise<OpenDataCatalog> {
  const datasets = await listOpenDatasets({ db, baseUrl });
  const version = JSON.stringify([
    baseUrl,
    datasets.map((d) => [d.fiscalYear, d.count, d.modified]),
  ]);
  if (format === "jsonld")
    return {
      version,
      body: openDataCatalogJsonLd(`${baseUrl}/open-data/catalog.jsonld`, datasets),
    };
  return {
    version,
    body: {
      "@context": `${POD_SCHEMA}/catalog.jsonld`,
      "@id": `${baseUrl}/open-data/catalog.json`,
      "@type": "dcat:Catalog",
      conformsTo: POD_SCHEMA,
      describedBy: `${POD_SCHEMA}/catalog.json`,
      dataset: datasets.map(podDataset),
    },
  };
}
