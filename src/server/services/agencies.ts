import { eq, inArray } from "drizzle-orm";
import { DomainError } from "../../domain/errors.ts";
import type { AgencyResponse, AgencyUpdate } from "../../shared/agency.ts";
import type { Actor } from "../auth/authorize.ts";
import type { Db } from "../db/database.ts";
import { agencies } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";

const columns = {
  id: agencies.id,
  name: agencies.name,
  nameEn: agencies.nameEn,
  type: agencies.type,
  province: agencies.province,
  district: agencies.district,
  website: agencies.website,
  headName: agencies.headName,
  headPosition: agencies.headPosition,
  divisions: agencies.divisions,
};

/** National administrators see every agency; everyone else, the agencies they belong to. */
export async function listAgencies({
  db,
  actor,
}: {
  db: Db;
  actor: Actor;
}): Promise<AgencyResponse[]> {
  const query = db.select(columns).from(agencies).orderBy(agencies.name);
  if (actor.memberships.some((m) => m.role === "national_admin")) return query;
  const ids = [...new Set(actor.memberships.map((m) => m.agencyId))];
  return ids.length === 0 ? [] : query.where(inArray(agencies.id, ids));
}

export async function getAgency({
  db,
  agencyId,
}: {
  db: Db;
  agencyId: string;
}): Promise<AgencyResponse> {
  const [row] = await db.select(columns).from(agencies).where(eq(agencies.id, agencyId));
  if (!row)
    throw new DomainError("INPUT_NOT_FOUND", `no agency ${agencyId}`, {
      userMessage: "ไม่พบหน่วยงานนี้",
    });
  return row;
}

/** Changes an agency's own details; the audit chain records before and after in the same transaction. */
export async function updateAgency(options: {
  db: Db;
  actor: string;
  agencyId: string;
  changes: AgencyUpdate;
}): Promise<AgencyResponse> {
  return options.db.transaction(async (tx) => {
    const before = await getAgency({ db: tx, agencyId: options.agencyId });
    const [after] = await tx
      .update(agencies)
      .set(options.changes)
      .where(eq(agencies.id, options.agencyId))
      .returning(columns);
    if (!after) throw new Error("update returned no agency");
    await appendAudit({
      db: tx,
      agencyId: options.agencyId,
      actor: options.actor,
      action: "agency.update",
      entity: "agency",
      entityId: options.agencyId,
      before,
      after,
    });
    return after;
  });
}
