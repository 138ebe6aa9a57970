import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, queryRows } from "../db/database.ts";
import { NATIONAL_SCOPE } from "../db/schema.ts";
import { engines, freshDatabase } from "../test-databases.ts";
import { appendAudit } from "./append-audit.ts";
import { auditBodyBeforeSeq, auditHash } from "./audit-hash.ts";
import { verifyAudit } from "./verify-audit.ts";

const agencyA = "6f1c2a4e-0000-4000-8000-00000000000a";
const agencyB = "6f1c2a4e-0000-4000-8000-00000000000b";

describe.each(engines)("the audit log on %s", (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(engine);
  });
  afterAll(() => database?.close());

  const write = (agencyId: string, n: number) =>
    database.db.transaction(async (tx) => {
      for (let i = 0; i < n; i++)
        await appendAudit({
          db: tx,
          agencyId,
          actor: "coordinator@huaisak",
          action: "measure.update",
          entity: "measure",
          entityId: `m${i}`,
          before: { progress: i, note: "ก่อน" },
          after: { progress: i + 10, note: "หลัง", nested: { b: 1, a: [1, 2] } },
        });
    });

  it("chains entries per agency and verifies them intact", async () => {
    await write(agencyA, 5);
    await write(agencyB, 3);
    await Promise.all([write(agencyA, 2), write(NATIONAL_SCOPE, 2)]);
    const report = await verifyAudit({ db: database.db });
    expect(report).toEqual({ entries: 12, chains: 3, problems: [] });
  });

  it("hashes in SQL, from the body up to the sequence number, exactly as in Node", async () => {
    const fields = {
      agencyId: agencyA,
      at: new Date("2026-12-04T08:09:10.123Z"),
      actor: "coordinator@huaisak",
      action: "measure.update",
      entity: "measure",
      entityId: "m1",
      before: { title: 'มาตรการเดิม "ในวงเล็บ"', steps: ["ก", "ข"] },
      after: { title: "มาตรการใหม่\nบรรทัดสอง", nested: { z: null, a: [1.5, -2] } },
    };
    const prev = "a".repeat(64);
    const [row] = await queryRows<{ hash: string }>(
      database.db,
      sql`select encode(sha256(convert_to(${prev}::text || E'\n' || ${auditBodyBeforeSeq(fields)}::text || ${"17"}::text || '}', 'UTF8')), 'hex') as hash`,
    );
    expect(row?.hash).toBe(auditHash(prev, { ...fields, seq: 17 }));
  });

  it("rolls back with the write it belongs to", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await appendAudit({
          db: tx,
          agencyId: agencyB,
          actor: "x",
          action: "a",
          entity: "e",
          entityId: "1",
        });
        throw new Error("the write failed");
      }),
    ).rejects.toThrow("the write failed");
    expect((await verifyAudit({ db: database.db })).entries).toBe(12);
  });

  it("detects an edited entry", async () => {
    await database.db.execute(
      sql`update audit_log set after = '{"progress": 100}' where agency_id = ${agencyA} and seq = 3`,
    );
    const { problems } = await verifyAudit({ db: database.db });
    expect(problems.map((p) => [p.agencyId, p.seq, p.kind])).toEqual([[agencyA, 3, "edited"]]);
  });

  it("detects a removed entry, in the middle or at the end", async () => {
    await database.db.execute(sql`delete from audit_log where agency_id = ${agencyB} and seq = 2`);
    await database.db.execute(
      sql`delete from audit_log where agency_id = ${NATIONAL_SCOPE} and seq = 2`,
    );
    const { problems } = await verifyAudit({ db: database.db });
    // Breaks found walking the chains, then chains whose recorded end is gone.
    expect(problems.map((p) => [p.agencyId, p.seq, p.kind])).toEqual([
      [agencyA, 3, "edited"],
      [agencyB, 3, "missing"],
      [NATIONAL_SCOPE, 2, "head"],
    ]);
  });
});
