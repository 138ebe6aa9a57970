import { type SQL, sql } from "drizzle-orm";
import { type Db, preparedRows } from "../db/database.ts";
import { auditHeads } from "../db/schema.ts";
import { type AuditFields, auditBodyBeforeSeq, auditHash, GENESIS_HASH } from "./audit-hash.ts";

export interface AppendAuditOptions {
  /** The caller's transaction, so the audit entry commits or rolls back with the write. */
  db: Db;
  agencyId: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  at?: Date;
}

/** Appends one entry to its agency's hash chain; concurrent appends are serialised by the head row. */
export async function appendAudit(
  options: AppendAuditOptions,
): Promise<{ seq: number; hash: string }> {
  const { db, agencyId } = options;
  // The chain's head row is locked until commit; it is created once, on the chain's first entry.
  let head = await lockHead(db, agencyId);
  if (!head) {
    await db
      .insert(auditHeads)
      .values({ agencyId, seq: 0, hash: GENESIS_HASH })
      .onConflictDoNothing();
    head = await lockHead(db, agencyId);
  }
  if (!head) throw new Error(`audit head of ${agencyId} vanished`);
  const fields = entryFields(options);
  const { at } = fields;
  const entry = { ...fields, seq: head.seq + 1 };
  const hash = auditHash(head.hash, entry);
  // Entry and new head in one statement: one round trip fewer while the chain is locked. Raw SQL,
  // prepared once per connection, because every write runs this.
  await preparedRows(
    db,
    "audit_append",
    sql`
    with entry as (
      insert into audit_log
        (agency_id, seq, at, actor, action, entity, entity_id, before, after, prev_hash, hash)
      values (${agencyId}, ${entry.seq}, ${at.toISOString()}::timestamptz, ${entry.actor},
        ${entry.action}, ${entry.entity}, ${entry.entityId}, ${json(entry.before)}::jsonb,
        ${json(entry.after)}::jsonb, ${head.hash}, ${hash}))
    update audit_heads set seq = ${entry.seq}, hash = ${hash} where agency_id = ${agencyId}`,
  );
  return { seq: entry.seq, hash };
}

/** The entry's own fields as hashed and stored. */
function entryFields(options: Omit<AppendAuditOptions, "db">): Omit<AuditFields, "seq"> {
  return {
    agencyId: options.agencyId,
    // Millisecond precision: exactly what the column stores, so the hash survives the round trip.
    at: new Date(Math.floor((options.at ?? new Date()).getTime())),
    actor: options.actor,
    action: options.action,
    entity: options.entity,
    entityId: options.entityId,
    before: options.before ?? null,
    after: options.after ?? null,
  };
}

async function lockHead(db: Db, agencyId: string) {
  const [head] = await preparedRows<{ seq: number | string; hash: string }>(
    db,
    "audit_lock_head",
    sql`select seq, hash from audit_heads where agency_id = ${agencyId} for update`,
  );
  return head && { seq: Number(head.seq), hash: head.hash };
}

/** JSON text for a jsonb parameter; null stays SQL NULL, as the column held it before. */
function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/**
 * The append as CTEs of the caller's one statement (which must say `with recursive`), for a hot
 * write that must not wait on round trips while it holds the chains. The CTE named `gate` yields
 * the `agency_id` and `entity_id` of each write made, at most one per entity; `input` holds each
 * write's entry fields (`auditAppendFields`) by the same two. `head` locks those agencies' heads
 * (which must already exist) in key order, `chain` hashes each agency's new entries one after the
 * other in entity order, exactly as `auditHash` would, `entry` inserts them, and `moved` advances
 * each head to its last entry, returning its agency.
 */
export function auditAppendCtes(gate: string, input: string): SQL {
  const g = sql.identifier(gate);
  const i = sql.identifier(input);
  return sql`numbered as (
      select agency_id, entity_id,
        row_number() over (partition by agency_id order by entity_id) as n
        from ${g}
    ), head as (
      select h.agency_id, h.seq, h.hash from audit_heads h
       where h.agency_id in (select agency_id from numbered)
       order by h.agency_id
         for update of h
    ), chain as (
      select agency_id, 0::bigint as n, seq, hash, null::text as prev_hash, null::text as entity_id
        from head
      union all
      select c.agency_id, c.n + 1, c.seq + 1,
        encode(sha256(convert_to(c.hash || E'\n' || e.prefix || (c.seq + 1)::text || '}', 'UTF8')), 'hex'),
        c.hash, x.entity_id
        from chain c
        join numbered x on x.agency_id = c.agency_id and x.n = c.n + 1
        join ${i} e on e.agency_id = x.agency_id and e.entity_id = x.entity_id
    ), entry as (
      insert into audit_log
        (agency_id, seq, at, actor, action, entity, entity_id, before, after, prev_hash, hash)
      select c.agency_id, c.seq, e.at, e.actor, e.action, e.entity, e.entity_id,
        e.before, e.after, c.prev_hash, c.hash
        from chain c join ${i} e on e.agency_id = c.agency_id and e.entity_id = c.entity_id
       where c.n > 0
      returning agency_id, entity_id, seq, hash
    ), moved as (
      update audit_heads h set seq = last.seq, hash = last.hash
        from (select distinct on (agency_id) agency_id, seq, hash from entry
               order by agency_id, seq desc) last
       where h.agency_id = last.agency_id
      returning h.agency_id
    )`;
}

/** One entry's fields as `auditAppendCtes` reads them from its input (JSON, read back exactly). */
export function auditAppendFields(options: Omit<AppendAuditOptions, "db">) {
  const fields = entryFields(options);
  return {
    at: fields.at.toISOString(),
    actor: fields.actor,
    action: fields.action,
    entity: fields.entity,
    entity_id: fields.entityId,
    before: fields.before,
    after: fields.after,
    prefix: auditBodyBeforeSeq(fields),
  };
}
