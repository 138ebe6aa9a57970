import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { DomainError } from "../../domain/errors.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import {
  canonicalOitItems,
  checkMeasure,
  settleProgress,
} from "../../domain/plan/check-measure.ts";
import { invalidError } from "../../domain/validation.ts";
import type { MeasureResponse, MeasureUpdate } from "../../shared/measure.ts";
import type { Db } from "../db/database.ts";
import { preparedStatement, type StatementValues } from "../db/prepared-statement.ts";
import { measures } from "../db/schema.ts";
import {
  type AppendAuditOptions,
  appendAudit,
  auditAppendCtes,
  auditAppendValues,
} from "./append-audit.ts";
import { type AssessmentScope, withFramework } from "./find-assessment-scope.ts";
import { type MeasureRow, measureSubject, toMeasureResponse } from "./measure-rows.ts";

export interface UpdateMeasureOptions {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  /** The measure as read (getMeasure), whose version the change must match. */
  current: { measure: MeasureRow; scope: AssessmentScope };
  changes: MeasureUpdate;
  actor: string;
}

/**
 * Changes a measure if nobody changed it since the client read it: one conditional update on
 * (agency, id, version) and the audit entry, in one transaction.
 */
export async function updateMeasure(options: UpdateMeasureOptions): Promise<MeasureResponse> {
  const { measure, scope } = options.current;
  const { version, ...given } = options.changes;
  if (measure.version !== version) throw stale(version, measure.version);
  const checked = withFramework(scope, options.frameworks);
  const settled = settleProgress(given, measure);
  const state = {
    startDate: given.startDate ?? measure.startDate,
    dueDate: given.dueDate ?? measure.dueDate,
    ...settled,
  };
  const problems = checkMeasure(given, state, checked);
  if (problems.length > 0) throw invalidError("INPUT_INVALID", measureSubject, problems);
  const set = {
    ...given,
    ...(given.oitItems && { oitItems: canonicalOitItems(checked.framework, given.oitItems) }),
    ...(settled.status !== measure.status && { status: settled.status }),
    ...(settled.progress !== measure.progress && { progress: settled.progress }),
  };
  const keys = [...Object.keys(set), "version"] as (keyof MeasureResponse)[];
  const before = pick(toMeasureResponse(measure), keys);
  const audit = {
    agencyId: measure.agencyId,
    actor: options.actor,
    action: "measure.update",
    entity: "measure",
    entityId: measure.id,
    before,
  };
  // What the row becomes is known here: the fields set, and the version one up.
  const after = pick(toMeasureResponse({ ...measure, ...set, version: version + 1 }), keys);
  const changed = await updateInOneStatement(options.db, measure, version, set, {
    ...audit,
    after,
  });
  if (changed) return toMeasureResponse({ ...measure, ...set, ...changed });
  // No row: the version is stale, or the agency's chain has no head yet; the transaction tells which.
  return options.db.transaction(async (tx) => {
    const [row] = await changeRow(tx, measure, version, set).returning();
    // Someone changed it between our read and this update.
    if (!row) throw stale(version, undefined);
    const written = toMeasureResponse(row);
    await appendAudit({ db: tx, ...audit, after: pick(written, keys) });
    return written;
  });
}

/**
 * The change and its audit entry in one statement, atomic without a transaction's extra round
 * trips: the row is updated only if its version matches and the agency's chain has a head.
 */
async function updateInOneStatement(
  db: Db,
  measure: MeasureRow,
  version: number,
  set: Partial<MeasureRow>,
  audit: Omit<AppendAuditOptions, "db">,
): Promise<{ version: number; updatedAt: Date } | undefined> {
  const columns = changedColumns(set);
  const values: StatementValues = {
    ...auditAppendValues(audit),
    agencyId: measure.agencyId,
    measureId: measure.id,
    version,
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
    statement = preparedStatement<UpdateRow>(name, () => {
      const assignments = columns.map(
        (c) => sql`${sql.identifier(measures[c].name)} = ${sql.placeholder(c)}`,
      );
      const agencyId = sql.placeholder("agencyId");
      return sql`with m as (
          update ${measures} set ${sql.join(assignments, sql`, `)},
            version = ${measures.version} + 1, updated_at = now()
           where ${measures.agencyId} = ${agencyId} and ${measures.id} = ${sql.placeholder("measureId")}
             and ${measures.version} = ${sql.placeholder("version")}
             and exists (select from audit_heads where agency_id = ${agencyId}::uuid)
          -- Text in the form toISOString gives, the same on both engines.
          returning ${measures.version} as version,
            to_char(${measures.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at
        ), ${auditAppendCtes("m")}
        select m.version, m.updated_at, (select count(*) from moved)::int as audited from m`;
    });
    updateStatements.set(key, statement);
  }
  return statement;
}

function changedColumns(set: Partial<MeasureRow>): MeasureColumn[] {
  return (Object.keys(set) as MeasureColumn[]).filter((key) => set[key] !== undefined).sort();
}

/** The update of the row as read: it matches only while nobody has changed the version. */
function changeRow(db: Db, measure: MeasureRow, version: number, set: Partial<MeasureRow>) {
  return db
    .update(measures)
    .set({ ...set, version: sql`${measures.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(measures.agencyId, measure.agencyId),
        eq(measures.id, measure.id),
        eq(measures.version, version),
      ),
    );
}

function pick(
  measure: MeasureResponse,
  keys: readonly (keyof MeasureResponse)[],
): Partial<MeasureResponse> {
  return Object.fromEntries(keys.map((k) => [k, measure[k]]));
}

function stale(sent: number, current: number | undefined): DomainError {
  const now = current === undefined ? "" : ` (ฉบับล่าสุดคือ ${current})`;
  return new DomainError(
    "CONFLICT",
    `the measure changed after version ${sent} was read${current === undefined ? "" : `; it is at version ${current}`}`,
    {
      userMessage: "มาตรการนี้ถูกแก้ไขโดยผู้อื่นหลังจากที่คุณเปิดดู กรุณาโหลดหน้าใหม่เพื่อดูข้อมูลล่าสุด แล้วแก้ไขอีกครั้ง",
      details: [
        {
          path: "body.version",
          th: `ข้อมูลที่คุณแก้ไขเป็นฉบับที่ ${sent} ซึ่งไม่ใช่ฉบับล่าสุดแล้ว${now}`,
          en: `version ${sent} is no longer the latest`,
        },
      ],
    },
  );
}
