import { type SQL, sql } from "drizzle-orm";
import type { NationalReference } from "../../domain/content/national-reference.ts";
import { DomainError, type IssueDetail } from "../../domain/errors.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import type { OpenResultRow, OpenResultsPage, OpenResultsQuery } from "../../shared/open-data.ts";
import { type Db, queryRows } from "../db/database.ts";
import { findOpenYear, type OpenYear } from "./find-open-year.ts";
import { OPEN_DATA_LICENSE } from "./open-data-terms.ts";
import { openRowMapper, type StoredOpenResult } from "./open-result-fields.ts";

// Every agency's result of a fiscal year, read in keyset pages by agency id so that any number of
// agencies streams with one page in memory. Only results and the agency's public particulars:
// never a user, a survey response or an audit entry.
export interface OpenResultFilters {
  province?: string | undefined;
  type?: string | undefined;
  region?: string | undefined;
}

/** Filters checked against the national reference, every problem in Thai and English. */
function filterSql(reference: NationalReference, filters: OpenResultFilters): SQL[] {
  const problems: IssueDetail[] = [];
  const where: SQL[] = [];
  if (filters.province !== undefined) {
    if (!reference.provinces.some((p) => p.th === filters.province))
      problems.push({
        path: "querystring.province",
        th: "ไม่มีจังหวัดนี้ ใช้ชื่อจังหวัดภาษาไทย เช่น เชียงราย",
        en: "unknown province; use the province's Thai name, e.g. เชียงราย",
      });
    where.push(sql`and a.province = ${filters.province}`);
  }
  if (filters.type !== undefined) {
    if (!reference.types.some((t) => t.th === filters.type))
      problems.push({
        path: "querystring.type",
        th: "ไม่มีประเภทหน่วยงานนี้ ใช้ชื่อภาษาไทย เช่น เทศบาลตำบล",
        en: "unknown kind of agency; use its Thai name, e.g. เทศบาลตำบล",
      });
    where.push(sql`and a.type = ${filters.type}`);
  }
  if (filters.region !== undefined) {
    const provinces = reference.provinces.filter((p) => p.region === filters.region);
    if (provinces.length === 0)
      problems.push({
        path: "querystring.region",
        th: `ไม่มีภาคนี้ ใช้รหัสภาค: ${reference.regions.map((r) => r.id).join(", ")}`,
        en: `unknown region; use one of ${reference.regions.map((r) => r.id).join(", ")}`,
      });
    else
      where.push(
        sql`and a.province in (${sql.join(
          provinces.map((p) => sql`${p.th}`),
          sql`, `,
        )})`,
      );
  }
  if (problems.length > 0)
    throw new DomainError("INPUT_INVALID", "invalid open-data filters", {
      userMessage: "เงื่อนไขการค้นหาไม่ถูกต้อง / invalid filters",
      details: problems,
    });
  return where;
}

async function readPage({
  db,
  fiscalYear,
  where,
  after,
  limit,
}: {
  db: Db;
  fiscalYear: number;
  where: SQL[];
  after: string | undefined;
  limit: number;
}): Promise<StoredOpenResult[]> {
  return queryRows<StoredOpenResult>(
    db,
    sql`select a.id as agency_id, a.name as agency_name, a.type as agency_type, a.province,
               s.fiscal_year, s.framework_id, r.indicators, r.computed_overall, r.computed_level,
               r.official_overall, r.official_level
          from results r
          join assessments s on s.agency_id = r.agency_id and s.id = r.assessment_id
          join agencies a on a.id = r.agency_id
         where s.fiscal_year = ${fiscalYear}
           ${after ? sql`and a.id > ${after}` : sql``}
           ${sql.join(where, sql` `)}
         order by a.id
         limit ${limit}`,
  );
}

/** Pages of open rows in agency-id order, each read only when the previous one was consumed. */
export async function* openResultPages({
  db,
  reference,
  year,
  pageSize = 1000,
}: {
  db: Db;
  reference: NationalReference;
  year: OpenYear;
  pageSize?: number;
}): AsyncGenerator<OpenResultRow[]> {
  const toRow = openRowMapper(reference, year.fields);
  let after: string | undefined;
  for (;;) {
    const rows = await readPage({
      db,
      fiscalYear: year.fiscalYear,
      where: [],
      after,
      limit: pageSize,
    });
    if (rows.length === 0) return;
    yield rows.map(toRow);
    if (rows.length < pageSize) return;
    after = rows.at(-1)?.agency_id;
  }
}

/**
 * One page of the API: rows after the cursor that match the filters, and the next cursor. The
 * year comes first and the page is read only when asked for, so a revalidation reads no row.
 */
export async function listOpenResults({
  db,
  frameworks,
  reference,
  query,
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  reference: NationalReference;
  query: OpenResultsQuery;
}): Promise<{ year: OpenYear; page: () => Promise<OpenResultsPage> }> {
  const where = filterSql(reference, query);
  const year = await findOpenYear({ db, frameworks, fiscalYear: query.fiscalYear });
  const page = async (): Promise<OpenResultsPage> => {
    // One more than asked says whether another page follows.
    const rows = await readPage({
      db,
      fiscalYear: year.fiscalYear,
      where,
      after: query.cursor,
      limit: query.limit + 1,
    });
    const shown = rows.slice(0, query.limit);
    const toRow = openRowMapper(reference, year.fields);
    return {
      fiscalYear: year.fiscalYear,
      license: OPEN_DATA_LICENSE.url,
      indicators: year.fields,
      rows: shown.map(toRow),
      next: rows.length > query.limit ? (shown.at(-1)?.agency_id ?? null) : null,
    };
  };
  return { year, page };
}
