import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { auditHeads, auditLog } from "../db/schema.ts";
import { auditHash, GENESIS_HASH } from "./audit-hash.ts";

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
  // Millisecond precision: exactly what the column stores, so the hash survives the round trip.
  const at = new Date(Math.floor((options.at ?? new Date()).getTime()));
  const entry = {
    agencyId,
    seq: head.seq + 1,
    at,
    actor: options.actor,
    action: options.action,
    entity: options.entity,
    entityId: options.entityId,
    before: options.before ?? null,
    after: options.after ?? null,
  };
  const hash = auditHash(head.hash, entry);
  // Entry and new head in one statement: one round trip fewer while the chain is locked.
  const insert = db.insert(auditLog).values({ ...entry, prevHash: head.hash, hash });
  const advance = db
    .update(auditHeads)
    .set({ seq: entry.seq, hash })
    .where(eq(auditHeads.agencyId, agencyId));
  await db.execute(sql`with entry as (${insert.getSQL()}) ${advance.getSQL()}`);
  return { seq: entry.seq, hash };
}

async function lockHead(db: Db, agencyId: string) {
  const [head] = await db
    .select()
    .from(auditHeads)
    .where(eq(auditHeads.agencyId, agencyId))
    .for("update");
  return head;
}
