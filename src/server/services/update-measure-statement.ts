import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { preparedStatement, type StatementValues } from "../db/prepared-statement.ts";
import { agencies, measures } from "../db/schema.ts";
import { type AppendAuditOptions, auditAppendCtes, auditAppendValues } from "./append-audit.ts";
import type { AssessmentScope } from "./find-assessment-scope.ts";
import type { MeasureRow } from "./measure-rows.ts";

/**
 * The change and its audit entry in one statement, atomic without a transaction's extra round
 * trips. The row is updated only while it is at the version the change was checked against, its
 * assessment's scope (year, frameworks, the agency's divisions) is still the one it was checked
 * against, and the agency's chain has a head; otherwise nothing is written and this answers
 * undefined. The scope is compared by its version, which triggers bump on any change to it.
 */
export async function updateInOneStatement(
  db: Db,
  current: { measure: MeasureRow; scope: AssessmentScope },
  set: Partial<MeasureRow>,
  audit: Omit<AppendAuditOptions, "db">,
): Promise<{ version: number; updatedAt: Date } | undefined> {
  const { measure, scope } = current;
  const columns = changedColumns(set);
  const values: StatementValues = {
    ...auditAppendValues(audit),
    agencyId: measure.agencyId,
    measureId: measure.id,
    version: measure.version,
    scopeVersion: scope.scopeVersion,
  };
  for (const key of columns) {
    const value = set[key];
    // Encoded as drizzle would (jsonb as JSON text); null stays SQL NULL.
    values[key] = value === null ? null : measures[key].mapToDriverValue(value as never);
  }
  const [row] = await updateStatement(columns)(db, values);
  if (!row) return undefined;
  if (row.audited !== 1) throw new Error(`measure ${measure.id} changed without its audit entry`);
  return { version: Number(row.version), updatedAt: new Date(row.updated_at) };
}

type MeasureColumn = keyof typeof measures.$inferSelect;
type UpdateRow = { version: number; updated_at: string; audited: number };
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
  const v = sql.placeholder;
  const assignments = columns.map((c) => sql`${sql.identifier(measures[c].name)} = ${v(c)}`);
  return sql`with m as (
      update ${measures} set ${sql.join(assignments, sql`, `)},
        version = ${measures.version} + 1, updated_at = now()
       where ${measures.agencyId} = ${v("agencyId")} and ${measures.id} = ${v("measureId")}
         and ${measures.version} = ${v("version")}
         and exists (select from audit_heads where agency_id = ${v("agencyId")}::uuid)
         and exists (select from ${agencies}
              where ${agencies.id} = ${v("agencyId")} and ${agencies.scopeVersion} = ${v("scopeVersion")})
      -- Text in the form toISOString gives, the same on both engines.
      returning ${measures.version} as version,
        to_char(${measures.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at
    ), ${auditAppendCtes("m")}
    select m.version, m.updated_at, (select count(*) from moved)::int as audited from m`;
}

function changedColumns(set: Partial<MeasureRow>): MeasureColumn[] {
  return (Object.keys(set) as MeasureColumn[]).filter((key) => set[key] !== undefined).sort();
}
