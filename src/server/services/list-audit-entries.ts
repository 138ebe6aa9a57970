import { and, desc, eq, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { AuditPage, AuditQuery } from "../../shared/audit.ts";
import type { Db } from "../db/database.ts";
import { auditLog, users } from "../db/schema.ts";

export interface ListAuditEntriesOptions extends AuditQuery {
  db: Db;
  agencyId: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One page of an agency's audit trail, newest first; people named where the actor is a user. */
export async function listAuditEntries(options: ListAuditEntriesOptions): Promise<AuditPage> {
  const { db, agencyId, fiscalYear, limit, before } = options;
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.agencyId, agencyId),
        before === undefined ? undefined : lt(auditLog.seq, before),
        fiscalYear === undefined ? undefined : aboutYear(agencyId, fiscalYear),
      ),
    )
    .orderBy(desc(auditLog.seq))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const ids = [...new Set(page.map((r) => r.actor).filter((a) => uuid.test(a)))];
  const people = new Map(
    ids.length === 0
      ? []
      : (
          await db
            .select({ id: users.id, displayName: users.displayName, email: users.email })
            .from(users)
            .where(inArray(users.id, ids))
        ).map((u) => [u.id, u]),
  );
  return {
    entries: page.map((r) => {
      const person = people.get(r.actor);
      return {
        seq: r.seq,
        at: r.at.toISOString(),
        actor: {
          id: r.actor,
          displayName: person?.displayName ?? null,
          email: person?.email ?? null,
        },
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        before: r.before,
        after: r.after,
      };
    }),
    nextBefore: rows.length > limit ? (page.at(-1)?.seq ?? null) : null,
  };
}

/**
 * Entries about the agency's assessment of that fiscal year: the assessment and its result, any
 * entry whose before or after names it (documents, progress reports, measures), and entries about
 * those measures and their files — found through the audit too, so deleted ones still count.
 */
function aboutYear(agencyId: string, fiscalYear: number): SQL {
  const year = sql`(select a.id::text from assessments a
    where a.agency_id = ${agencyId} and a.fiscal_year = ${fiscalYear})`;
  const names = (table: string, key: string) =>
    sql.raw(`coalesce(${table}.after ->> '${key}', ${table}.before ->> '${key}')`);
  const measureIds = sql`(
    select m.id::text from measures m
      where m.agency_id = ${agencyId} and m.assessment_id::text in ${year}
    union
    select l.entity_id from audit_log l
      where l.agency_id = ${agencyId} and l.entity = 'measure'
        and ${names("l", "assessmentId")} in ${year})`;
  return sql`(
    (${auditLog.entity} in ('assessment', 'result') and ${auditLog.entityId} in ${year})
    or ${names("audit_log", "assessmentId")} in ${year}
    or (${auditLog.entity} = 'measure' and ${auditLog.entityId} in ${measureIds})
    or (${auditLog.entity} = 'measure_file' and ${names("audit_log", "measureId")} in ${measureIds}))`;
}
