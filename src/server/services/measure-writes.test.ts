import { inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/database.ts";
import { measures } from "../db/schema.ts";
import { createTestAssessment, createTestMeasure } from "../test-assessments.ts";
import { engines, freshDatabase } from "../test-databases.ts";
import { buildAgency } from "../test-factories.ts";
import { createAgency } from "./create-agency.ts";
import { getMeasure } from "./get-measure.ts";
import { createMeasureWrites } from "./measure-writes.ts";
import type { MeasureWrite } from "./update-measure-statement.ts";
import { verifyAudit } from "./verify-audit.ts";

// Measure changes are group-committed: those waiting while a batch commits go together in the
// next statement. Each must still be exactly the change it would be alone.
describe.each(engines)("group-committed measure changes on %s", (engine) => {
  let database: Database;
  const agencyIds: string[] = [];
  const measureIds: string[] = [];

  /** A change of the measure as it now is, with the audit entry the update route would make. */
  const change = async (index: number, set: MeasureWrite["set"]): Promise<MeasureWrite> => {
    const agencyId = agencyIds[index % agencyIds.length] ?? "";
    const measureId = measureIds[index] ?? "";
    const [assessment] = await database.db
      .select({ id: measures.assessmentId })
      .from(measures)
      .where(inArray(measures.id, [measureId]));
    const current = await getMeasure({
      db: database.db,
      agencyId,
      assessmentId: assessment?.id ?? "",
      measureId,
    });
    return {
      ...current,
      set,
      audit: {
        agencyId,
        actor: "test",
        action: "measure.update",
        entity: "measure",
        entityId: measureId,
        before: { progress: current.measure.progress },
        after: set,
      },
    };
  };
  /** The transactions that last wrote these measures: rows one statement wrote share one. */
  const writers = async (ids: string[]) => {
    const rows = await database.db
      .select({ xmin: sql<string>`${measures}.xmin::text` })
      .from(measures)
      .where(inArray(measures.id, ids));
    return new Set(rows.map((row) => row.xmin)).size;
  };

  beforeAll(async () => {
    database = await freshDatabase(engine);
    const { db } = database;
    for (let i = 0; i < 4; i++) {
      const agency = await createAgency({
        db,
        actor: "test",
        agency: buildAgency({ name: `อบต.${i}` }),
      });
      const assessment = await createTestAssessment({ db, agencyId: agency.id });
      agencyIds.push(agency.id);
      // Two measures per agency: measure i belongs to agency i % 4.
      for (let m = 0; m < 2; m++)
        measureIds[i + 4 * m] = (
          await createTestMeasure({ db, agencyId: agency.id, assessmentId: assessment.id })
        ).id;
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  it("commits changes of different agencies together, each exactly as alone", async () => {
    const writes = createMeasureWrites({ db: database.db });
    const batch = await Promise.all([0, 1, 2, 3].map((i) => change(i, { progress: 10 + i })));
    const outcomes = await Promise.all(batch.map((w) => writes.write(w)));
    expect(outcomes.map((o) => o?.version)).toEqual([2, 2, 2, 2]);
    const ids = measureIds.slice(0, 4);
    expect(await writers(ids)).toBe(1);
    const rows = await database.db.select().from(measures).where(inArray(measures.id, ids));
    for (const [i, id] of ids.entries())
      expect(rows.find((r) => r.id === id)).toMatchObject({ progress: 10 + i, version: 2 });
    for (const agencyId of agencyIds)
      expect((await verifyAudit({ db: database.db, agencyId })).problems).toEqual([]);
  });

  it("chains changes of one agency in one statement, and puts other columns in another", async () => {
    const writes = createMeasureWrites({ db: database.db });
    // Measures 0 and 4 share agency 0; measure 1 changes another column.
    const batch = await Promise.all([
      change(0, { progress: 20 }),
      change(4, { progress: 21 }),
      change(1, { title: "มาตรการใหม่" }),
    ]);
    const outcomes = await Promise.all(batch.map((w) => writes.write(w)));
    expect(outcomes.every((o) => o !== undefined)).toBe(true);
    expect(await writers([measureIds[0] ?? "", measureIds[4] ?? ""])).toBe(1);
    expect(await writers([measureIds[0] ?? "", measureIds[1] ?? ""])).toBe(2);
    for (const agencyId of agencyIds.slice(0, 2))
      expect((await verifyAudit({ db: database.db, agencyId })).problems).toEqual([]);
  });

  it("leaves out a stale change and writes the rest of its batch, its agency's chain unbroken", async () => {
    const writes = createMeasureWrites({ db: database.db });
    // Measures 2 and 6 share agency 2; measure 2 goes stale before the batch.
    const [stale, ...fresh] = await Promise.all([2, 6, 3].map((i) => change(i, { progress: 30 })));
    if (!stale) throw new Error("no change");
    await database.db
      .update(measures)
      .set({ version: sql`${measures.version} + 1` })
      .where(inArray(measures.id, [stale.measure.id]));
    const outcomes = await Promise.all([stale, ...fresh].map((w) => writes.write(w)));
    expect(outcomes[0]).toBeUndefined();
    expect(outcomes.slice(1).every((o) => o !== undefined)).toBe(true);
    expect(await writers([measureIds[6] ?? "", measureIds[3] ?? ""])).toBe(1);
    expect((await verifyAudit({ db: database.db, agencyId: agencyIds[2] ?? "" })).problems).toEqual(
      [],
    );
  });

  it("fails only the change the database refuses, and writes the others of its batch", async () => {
    const writes = createMeasureWrites({ db: database.db });
    const batch = await Promise.all([5, 7].map((i) => change(i, { progress: 40 })));
    // A progress the column cannot hold fails the whole statement; alone, the other succeeds.
    const [bad, good] = batch;
    if (!bad || !good) throw new Error("no change");
    bad.set = { progress: 2 ** 40 };
    const [refused, written] = await Promise.allSettled([writes.write(bad), writes.write(good)]);
    expect(refused.status).toBe("rejected");
    expect(written).toMatchObject({ status: "fulfilled", value: { version: 2 } });
    const [row] = await database.db
      .select()
      .from(measures)
      .where(inArray(measures.id, [bad.measure.id]));
    expect(row).toMatchObject({ version: 1, progress: 0 });
  });
});
