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
import { measures } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";
import { type AssessmentScope, withFramework } from "./find-assessment-scope.ts";
import { type MeasureRow, measureSubject, toMeasureResponse } from "./measure-rows.ts";
import type { MeasureWrites } from "./measure-writes.ts";

export interface UpdateMeasureOptions {
  db: Db;
  /** Where this process's measure changes are group-committed (see createMeasureWrites). */
  writes: MeasureWrites;
  frameworks: ReadonlyMap<string, Framework>;
  /** The measure as read (getMeasure), whose version the change must match. */
  current: { measure: MeasureRow; scope: AssessmentScope };
  changes: MeasureUpdate;
  actor: string;
}

export interface UpdatedMeasure {
  response: MeasureResponse;
  /** The row as it now is, for a process that remembers what it changed. */
  row: MeasureRow;
}

/**
 * Changes a measure if nobody changed it since the client read it: in one group-committed
 * statement (the row, if still at that version, and its audit entry), or in a transaction when
 * the agency's chain has no head yet or the statement changed nothing; the transaction starts the
 * chain or answers 409.
 */
export async function updateMeasure(options: UpdateMeasureOptions): Promise<UpdatedMeasure> {
  const change = prepareChange(options);
  const done = await inOneStatement(options, change);
  if (done) return done;
  const { measure } = options.current;
  const { version } = options.changes;
  return options.db.transaction(async (tx) => {
    const [row] = await changeRow(tx, measure, version, change.set).returning();
    // Someone changed it between our read and this update.
    if (!row) throw stale(version, undefined);
    await appendAudit({
      db: tx,
      ...change.audit,
      after: pick(toMeasureResponse(row), change.keys),
    });
    return written(row);
  });
}

/**
 * The same change of a measure this process remembers (its last change here): only the one
 * statement, which writes only while the measure and its scope are exactly as remembered.
 * Undefined when it wrote nothing; the caller then reads the measure and decides afresh.
 */
export async function updateRememberedMeasure(
  options: UpdateMeasureOptions,
): Promise<UpdatedMeasure | undefined> {
  return inOneStatement(options, prepareChange(options));
}

async function inOneStatement(
  options: UpdateMeasureOptions,
  change: ReturnType<typeof prepareChange>,
): Promise<UpdatedMeasure | undefined> {
  const { measure, scope } = options.current;
  const done = await options.writes.write({ measure, scope, set: change.set, audit: change.audit });
  return done && written({ ...measure, ...change.set, ...done });
}

const written = (row: MeasureRow): UpdatedMeasure => ({ response: toMeasureResponse(row), row });

/** The change checked against the measure and its scope, with the audit entry it makes. */
function prepareChange(options: UpdateMeasureOptions) {
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
  const set: Partial<MeasureRow> = {
    ...given,
    ...(given.oitItems && { oitItems: canonicalOitItems(checked.framework, given.oitItems) }),
    ...(settled.status !== measure.status && { status: settled.status }),
    ...(settled.progress !== measure.progress && { progress: settled.progress }),
  };
  const keys = [...Object.keys(set), "version"] as (keyof MeasureResponse)[];
  // What the row becomes is known here: the fields set, and the version one up.
  const after = toMeasureResponse({ ...measure, ...set, version: version + 1 } as MeasureRow);
  const audit = {
    agencyId: measure.agencyId,
    actor: options.actor,
    action: "measure.update",
    entity: "measure",
    entityId: measure.id,
    before: pick(toMeasureResponse(measure), keys),
    after: pick(after, keys),
  };
  return { set, keys, audit };
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
