import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { preparedStatement } from "../db/prepared-statement.ts";
import { agencies, measures } from "../db/schema.ts";
import { type AppendAuditOptions, auditAppendCtes, auditAppendFields } from "./append-audit.ts";
import type { AssessmentScope } from "./find-assessment-scope.ts";
import type { MeasureRow } from "./measure-rows.ts";

/** One checked change of a measure: the row and scope it was checked against, and its audit entry. */
export interface MeasureWrite {
  measure: MeasureRow;
  scope: AssessmentScope;
  set: Partial<MeasureRow>;
  audit: Omit<AppendAuditOptions, "db">;
}

/** What a write became: the row's new version and time, or undefined when it wrote nothing. */
export type WriteOutcome = { version: number; updatedAt: Date } | undefined;

type MeasureColumn = keyof typeof measures.$inferSelect;

/** The columns a change sets; writes are batched only with writes of the same columns. */
export function changedColumns(set: Partial<MeasureRow>): MeasureColumn[] {
  return (Object.keys(set) as MeasureColumn[]).filter((key) => set[key] !== undefined).sort();
}

/**
 * Changes and their audit entries in one statement, atomic without a transaction's extra round
 * trips: a batch of writes that all set the same columns, at most one per measure; each agency's
 * chain is extended by its writes in measure-id order. A row is updated only while it is at the
 * version its change was checked against, its agency's scope version (bumped by triggers on any
 * change to what a measure is checked against) is unchanged, and the agency's chain has a head;
 * otherwise that write is not made and its outcome is undefined. Rows, then chain heads, are locked in key order, so
 * concurrent batches cannot deadlock.
 */
export async function updateInOneStatement(
  db: Db,
  writes: readonly MeasureWrite[],
): Promise<WriteOutcome[]> {
  const first = writes[0];
  if (!first) return [];
  const columns = changedColumns(first.set);
  // A row joins one change: two changes of one measure in a batch would make one arbitrary.
  if (new Set(writes.map((w) => w.measure.id)).size < writes.length)
    throw new Error("a batch of measure writes holds two of one measure");
  const input = writes.map(({ measure, scope, set, audit }) => {
    const record: Record<string, unknown> = {
      ...auditAppendFields(audit),
      agency_id: measure.agencyId,
      measure_id: measure.id,
      version: measure.version,
      scope_version: scope.scopeVersion,
    };
    // Every column type of a measure has a JSON form that jsonb_to_recordset reads back exactly.
    for (const key of columns) record[`new_${key}`] = set[key] ?? null;
    return record;
  });
  const rows = await updateStatement(columns)(db, { input: JSON.stringify(input) });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return writes.map(({ measure }) => {
    const row = byId.get(measure.id);
    if (!row) return undefined;
    if (!row.audited) throw new Error(`measure ${measure.id} changed without its audit entry`);
    return { version: Number(row.version), updatedAt: new Date(row.updated_at) };
  });
}

type UpdateRow = { id: string; version: number; updated_at: string; audited: boolean };
const updateStatements = new Map<string, ReturnType<typeof preparedStatement<UpdateRow>>>();

// The statement's text depends only on which columns change: one prepared statement per set.
function updateStatement(columns: readonly MeasureColumn[]) {
  const key = columns.join(",");
  let statement = updateStatements.get(key);
  if (!statement) {
    const name = `measure_update_${createHash("sha1").update(key).digest("hex").slice(0, 16)}`;
    statement = preparedStatement<UpdateRow>(name, () => buildUpdate(columns));
    updateStatements.set(key, statement);
  }
  return statement;
}

function buildUpdate(columns: readonly MeasureColumn[]) {
  const fields = columns.map(
    (c) => sql`${sql.identifier(`new_${c}`)} ${sql.raw(measures[c].getSQLType())}`,
  );
  const assignments = columns.map(
    (c) => sql`${sql.identifier(measures[c].name)} = i.${sql.identifier(`new_${c}`)}`,
  );
  return sql`with recursive i as (
      select * from jsonb_to_recordset(${sql.placeholder("input")}::jsonb) as i(
        agency_id uuid, measure_id uuid, version integer, scope_version bigint,
        ${sql.join(fields, sql`, `)},
        at timestamptz, actor text, action text, entity text, entity_id text,
        before jsonb, after jsonb, prefix text)
    ), locked as (
      select x.agency_id, x.id from ${measures} x
        join i on i.agency_id = x.agency_id and i.measure_id = x.id
       where x.version = i.version
         and exists (select from audit_heads h where h.agency_id = i.agency_id)
         and exists (select from ${agencies} a where a.id = i.agency_id and a.scope_version = i.scope_version)
       order by x.agency_id, x.id
         for update of x
    ), m as (
      update ${measures} set ${sql.join(assignments, sql`, `)},
        version = ${measures.version} + 1, updated_at = now()
        from locked join i on i.agency_id = locked.agency_id and i.measure_id = locked.id
       where ${measures.agencyId} = locked.agency_id and ${measures.id} = locked.id
         and ${measures.version} = i.version
      -- Text in the form toISOString gives, the same on both engines.
      returning ${measures.agencyId} as agency_id, ${measures.id} as id, ${measures.id}::text as entity_id,
        ${measures.version} as version,
        to_char(${measures.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at
    ), ${auditAppendCtes("m", "i")}
    select m.id, m.version, m.updated_at,
      exists (select from entry where entry.entity_id = m.entity_id)
        and exists (select from moved where moved.agency_id = m.agency_id) as audited
      from m`;
}
