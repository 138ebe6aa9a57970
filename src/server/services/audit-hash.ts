import { createHash } from "node:crypto";

/** The hash before the first entry of every chain. */
export const GENESIS_HASH = "0".repeat(64);

export interface AuditFields {
  agencyId: string;
  seq: number;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

// Keys sorted at every level, so the same entry always hashes the same after a jsonb round trip.
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value ?? null);
}

function canonicalBody(e: AuditFields): string {
  return canonicalJson({
    agencyId: e.agencyId,
    seq: e.seq,
    at: e.at.toISOString(),
    actor: e.actor,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    before: e.before,
    after: e.after,
  });
}

/** The entry's hash: its own fields only (never the stored hashes), chained to the previous one. */
export function auditHash(prevHash: string, e: AuditFields): string {
  return createHash("sha256")
    .update(`${prevHash}\n${canonicalBody(e)}`)
    .digest("hex");
}

const SEQ_TAIL = '"seq":0}';

/**
 * The entry's canonical body up to its sequence number, which sorts last: SQL completes it as
 * `prefix || seq || '}'` under the chain's lock, giving exactly the body `auditHash` hashes.
 */
export function auditBodyBeforeSeq(e: Omit<AuditFields, "seq">): string {
  const body = canonicalBody({ ...e, seq: 0 });
  if (!body.endsWith(SEQ_TAIL)) throw new Error("the audit body no longer ends with its seq");
  return body.slice(0, -2);
}
