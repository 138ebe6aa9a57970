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

/** The entry's hash: its own fields only (never the stored hashes), chained to the previous one. */
export function auditHash(prevHash: string, e: AuditFields): string {
  const body = canonicalJson({
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
  return createHash("sha256").update(`${prevHash}\n${body}`).digest("hex");
}
