import type { AgencyYearFile } from "../../domain/agency-year/schema.ts";
import type { Db } from "../db/database.ts";
import { agencies } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";

export interface CreateAgencyOptions {
  db: Db;
  actor: string;
  agency: AgencyYearFile["agency"];
}

/** Registers an agency (shape already validated) and opens its audit chain with the record. */
export async function createAgency({
  db,
  actor,
  agency,
}: CreateAgencyOptions): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(agencies)
      .values({
        name: agency.name,
        nameEn: agency.nameEn,
        type: agency.type,
        province: agency.province,
        district: agency.district,
        website: agency.website,
        headName: agency.head.name,
        headPosition: agency.head.position,
        divisions: agency.divisions,
      })
      .returning();
    if (!row) throw new Error("insert returned no agency");
    await appendAudit({
      db: tx,
      agencyId: row.id,
      actor,
      action: "agency.create",
      entity: "agency",
      entityId: row.id,
      after: { ...row, createdAt: row.createdAt.toISOString() },
    });
    return { id: row.id };
  });
}
