import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFrameworks } from "../../domain/framework/load-frameworks.ts";
import type { Database } from "../db/database.ts";
import { agencies, measures, results } from "../db/schema.ts";
import { engines, freshDatabase } from "../test-databases.ts";
import { insertHuaiSakYear } from "../test-year.ts";
import { loadMeasuresInput } from "./load-measures-input.ts";

const frameworks = loadFrameworks();

describe.each(engines)("loadMeasuresInput on %s", (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("rebuilds the example's data from the rows: the 2565 result for the 2566 measures", async () => {
    const year = await insertHuaiSakYear({ db: database.db });
    const { input, year: parsed } = await loadMeasuresInput({
      db: database.db,
      frameworks,
      ...year,
    });
    // The database keeps no per-document thresholds; the rest is the example file.
    const { thresholds: _, ...example } = year.example;
    expect(input).toEqual({ ...example, results: { ...example.results, framework: "ita-2565" } });
    expect(parsed.result.overall).toBeCloseTo(78.33, 2);
  });

  it("takes history from older results, the official figures first, and the head's name to sign", async () => {
    const year = await insertHuaiSakYear({ db: database.db, history: true });
    await database.db
      .update(agencies)
      .set({ headName: "นายทดสอบ ใจดี" })
      .where(eq(agencies.id, year.agencyId));
    const { input } = await loadMeasuresInput({ db: database.db, frameworks, ...year });
    expect(input.history).toEqual([
      {
        fiscalYear: 2564,
        overall: expect.closeTo(73.33, 1),
        level: "C",
        indicators: expect.objectContaining({ 1: 88.7 }),
      },
    ]);
    expect(input.approval.signatory).toEqual({
      name: "นายทดสอบ ใจดี",
      position: "นายกเทศมนตรีตำบลห้วยสัก",
    });
  });

  it("orders measures by position and leaves cancelled ones out of the plan", async () => {
    const year = await insertHuaiSakYear({ db: database.db });
    const where = (position: number) =>
      and(eq(measures.agencyId, year.agencyId), eq(measures.position, position));
    await database.db.update(measures).set({ position: 9 }).where(where(0));
    await database.db.update(measures).set({ status: "cancelled" }).where(where(1));
    const { input } = await loadMeasuresInput({ db: database.db, frameworks, ...year });
    const titles = year.example.measures.map((m) => m.title);
    expect(input.measures.map((m) => m.title)).toEqual([titles[2], titles[3], titles[0]]);
  });

  it("refuses a published total the indicators do not give", async () => {
    const year = await insertHuaiSakYear({ db: database.db });
    await database.db
      .update(results)
      .set({ officialOverall: 70.64, officialLevel: "C" })
      .where(eq(results.agencyId, year.agencyId));
    await expect(loadMeasuresInput({ db: database.db, frameworks, ...year })).rejects.toMatchObject(
      { code: "OFFICIAL_TOTAL_MISMATCH" },
    );
  });

  it("answers not found for another agency's assessment", async () => {
    const one = await insertHuaiSakYear({ db: database.db });
    const two = await insertHuaiSakYear({ db: database.db });
    await expect(
      loadMeasuresInput({
        db: database.db,
        frameworks,
        agencyId: one.agencyId,
        assessmentId: two.assessmentId,
      }),
    ).rejects.toMatchObject({ code: "INPUT_NOT_FOUND" });
  });
});
