import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTwoAgencyYears } from "../test-assessments.ts";
import { engines, freshDatabase } from "../test-databases.ts";
import type { Database } from "./database.ts";
import { agencies, assessments, results } from "./schema.ts";

// A measure write is refused when its agency's scope version moved since the measure was checked
// (ADR 0007), so every change to what a measure is checked against must move it, once per agency.
describe.each(engines)("an agency's scope version on %s", (engine) => {
  let database: Database;
  let a: string;
  let b: string;
  let assessmentA: string;
  const versions = async () => {
    const rows = await database.db
      .select({ id: agencies.id, version: agencies.scopeVersion })
      .from(agencies)
      .where(inArray(agencies.id, [a, b]));
    const of = (id: string) => rows.find((row) => row.id === id)?.version ?? Number.NaN;
    return { a: of(a), b: of(b) };
  };
  /** How much each agency's version moved while `change` ran. */
  const moved = async (change: () => Promise<unknown>) => {
    const before = await versions();
    await change();
    const after = await versions();
    return { a: after.a - before.a, b: after.b - before.b };
  };
  const result = (agencyId: string, assessmentId: string) => ({
    agencyId,
    assessmentId,
    source: "entered" as const,
    indicators: { 1: 90 },
    computedOverall: 90,
    computedLevel: "A",
    updatedBy: "test",
  });

  beforeAll(async () => {
    database = await freshDatabase(engine);
    ({ a, b, assessmentA } = await createTwoAgencyYears(database.db));
  });
  afterAll(async () => {
    await database?.close();
  });

  it("moves when the agency's divisions change, and not for its other fields", async () => {
    const { db } = database;
    const rename = () => db.update(agencies).set({ website: "https://a.example.go.th" });
    expect(await moved(rename)).toEqual({ a: 0, b: 0 });
    const [row] = await db.select().from(agencies).where(eq(agencies.id, a));
    const divisions = [...(row?.divisions ?? []), "กองใหม่"];
    const redivide = () => db.update(agencies).set({ divisions }).where(eq(agencies.id, a));
    expect(await moved(redivide)).toEqual({ a: 1, b: 0 });
    // The same divisions again change nothing a measure is checked against.
    expect(await moved(redivide)).toEqual({ a: 0, b: 0 });
  });

  it("moves once per agency for every write to its assessments or results", async () => {
    const { db } = database;
    const earlier = async (agencyId: string) => {
      const [row] = await db
        .insert(assessments)
        .values({ agencyId, fiscalYear: 2565, frameworkId: "ita-2565" })
        .returning({ id: assessments.id });
      return row?.id ?? "";
    };
    let earlierA = "";
    let earlierB = "";
    expect(
      await moved(async () => {
        earlierA = await earlier(a);
        earlierB = await earlier(b);
      }),
    ).toEqual({ a: 1, b: 1 });
    // One statement, two agencies: each moves once.
    const both = () => db.insert(results).values([result(a, earlierA), result(b, earlierB)]);
    expect(await moved(both)).toEqual({ a: 1, b: 1 });
    const rescore = () =>
      db
        .update(results)
        .set({ indicators: { 1: 80 } })
        .where(eq(results.agencyId, a));
    expect(await moved(rescore)).toEqual({ a: 1, b: 0 });
    const reframe = () =>
      db
        .update(assessments)
        .set({ frameworkId: "ita-2566" })
        .where(eq(assessments.id, assessmentA));
    expect(await moved(reframe)).toEqual({ a: 1, b: 0 });
    const drop = () => db.delete(results).where(eq(results.agencyId, b));
    expect(await moved(drop)).toEqual({ a: 0, b: 1 });
    const remove = () => db.delete(assessments).where(eq(assessments.id, earlierB));
    expect(await moved(remove)).toEqual({ a: 0, b: 1 });
  });

  it("moves for every agency when results are emptied at once", async () => {
    const emptied = () => database.db.execute(sql`truncate ${results}`);
    expect(await moved(emptied)).toEqual({ a: 1, b: 1 });
  });
});
