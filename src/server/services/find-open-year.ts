import { sql } from "drizzle-orm";
import { DomainError } from "../../domain/errors.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import type { OpenIndicatorField } from "../../shared/open-data.ts";
import { type Db, queryRows } from "../db/database.ts";
import { openIndicatorFields } from "./open-result-fields.ts";

// A year of open data in one query: how many results, when last changed and under which
// frameworks — enough for a 404, the ETag and the file's header before any row is read.

/** What a year's open data is made of: enough to answer 404, an ETag and the header first. */
export interface OpenYear {
  fiscalYear: number;
  /** Results of the year (one per agency). */
  count: number;
  /** The latest `results.updated_at` of the year, ISO 8601 in UTC. */
  latest: string;
  frameworkIds: string[];
  fields: OpenIndicatorField[];
}

const notFound = (fiscalYear: number) =>
  new DomainError("INPUT_NOT_FOUND", `no results for fiscal year ${fiscalYear}`, {
    userMessage: `ไม่มีผลการประเมินของปีงบประมาณ ${fiscalYear} / no results for fiscal year ${fiscalYear}`,
  });

/** The year's count, latest change and frameworks; an unknown or empty year is not found. */
export async function findOpenYear({
  db,
  frameworks,
  fiscalYear,
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  fiscalYear: number;
}): Promise<OpenYear> {
  const rows = await queryRows<{ framework_id: string; count: number; latest: string }>(
    db,
    sql`select s.framework_id, count(*)::int as count,
               to_char(max(r.updated_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as latest
          from results r
          join assessments s on s.agency_id = r.agency_id and s.id = r.assessment_id
         where s.fiscal_year = ${fiscalYear}
         group by s.framework_id
         order by s.framework_id`,
  );
  if (rows.length === 0) throw notFound(fiscalYear);
  const frameworkIds = rows.map((r) => r.framework_id);
  return {
    fiscalYear,
    count: rows.reduce((n, r) => n + Number(r.count), 0),
    latest:
      rows
        .map((r) => r.latest)
        .sort()
        .at(-1) ?? "",
    frameworkIds,
    fields: openIndicatorFields(frameworks, frameworkIds),
  };
}
