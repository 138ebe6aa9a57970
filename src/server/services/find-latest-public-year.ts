import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/database.ts";
import { agencyNotFound } from "./get-public-year.ts";

/**
 * The fiscal year an agency's public address opens on: the latest with something to show
 * (measures, an approved document, a progress report, or an earlier result to analyse), else
 * the latest it has; null when it has none. An unknown agency is not found.
 */
export async function findLatestPublicYear({
  db,
  agencyId,
}: {
  db: Db;
  agencyId: string;
}): Promise<number | null> {
  const [row] = await queryRows<{ known: boolean; withData: number | null; latest: number | null }>(
    db,
    sql`
    select exists(select 1 from agencies where id = ${agencyId}) as known,
      (select max(a.fiscal_year) from assessments a where a.agency_id = ${agencyId} and (
        exists(select 1 from measures m where m.agency_id = a.agency_id and m.assessment_id = a.id)
        or exists(select 1 from documents d where d.agency_id = a.agency_id
          and d.assessment_id = a.id and d.approved_at is not null)
        or exists(select 1 from progress_reports p where p.agency_id = a.agency_id
          and p.assessment_id = a.id)
        or exists(select 1 from results r join assessments e
          on e.agency_id = r.agency_id and e.id = r.assessment_id
          where r.agency_id = a.agency_id and e.fiscal_year < a.fiscal_year))) as "withData",
      (select max(fiscal_year) from assessments where agency_id = ${agencyId}) as latest`,
  );
  if (!row?.known) throw agencyNotFound(agencyId);
  return row.withData ?? row.latest;
}
