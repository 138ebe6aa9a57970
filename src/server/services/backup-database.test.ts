import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../../domain/errors.ts";
import { type Database, queryRows } from "../db/database.ts";
import { blobs } from "../db/schema.ts";
import { engines, freshDatabase } from "../test-databases.ts";
import { buildAgency } from "../test-factories.ts";
import { appendAudit } from "./append-audit.ts";
import { backupDatabase, restoreDatabase, tableNames } from "./backup-database.ts";
import { createAgency } from "./create-agency.ts";
import { verifyAudit } from "./verify-audit.ts";

/** Every row of every table, as the database itself renders it. */
async function snapshot(database: Database) {
  const out: Record<string, unknown[]> = {};
  for (const table of tableNames())
    out[table] = (
      await queryRows<{ row: unknown }>(
        database.db,
        sql.raw(`select to_jsonb(t) as row from "${table}" t order by to_jsonb(t)::text`),
      )
    ).map((r) => r.row);
  return out;
}

async function seed(database: Database) {
  const agency = await createAgency({ db: database.db, actor: "test", agency: buildAgency() });
  for (let i = 0; i < 3; i++)
    await database.db.transaction((tx) =>
      appendAudit({
        db: tx,
        agencyId: agency.id,
        actor: "admin",
        action: "agency.update",
        entity: "agency",
        entityId: agency.id,
        after: { i, note: "ทดสอบ" },
      }),
    );
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "prongsai-backup-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each(engines.flatMap((from) => engines.map((to) => [from, to] as const)))(
  "backup on %s, restore on %s",
  (from, to) => {
    it("restores every row exactly, file bytes included, the audit chains intact", async () => {
      const source = await freshDatabase(from);
      const target = await freshDatabase(to);
      try {
        await seed(source);
        await seed(target); // replaced wholesale by the restore
        // A stored file: every byte value, then noise, so any text conversion would show.
        const bytes = Buffer.concat([
          Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
          randomBytes(4096),
        ]);
        const sha256 = createHash("sha256").update(bytes).digest("hex");
        const [agency] = await source.db.query.agencies.findMany();
        await source.db
          .insert(blobs)
          .values({ agencyId: agency?.id ?? "", sha256, size: bytes.length, bytes });
        // One agency, its registration and three changes in the audit log, the chain head, a blob.
        const file = join(dir, `${from}-${to}.backup.gz`);
        expect(await backupDatabase({ db: source.db, file })).toBe(7);
        expect(await restoreDatabase({ db: target.db, file })).toBe(7);
        expect(await snapshot(target)).toEqual(await snapshot(source));
        const [restored] = await target.db.select().from(blobs);
        expect(restored?.bytes.equals(bytes)).toBe(true);
        expect(
          createHash("sha256")
            .update(restored?.bytes ?? "")
            .digest("hex"),
        ).toBe(sha256);
        expect((await verifyAudit({ db: target.db })).problems).toEqual([]);
      } finally {
        await source.close();
        await target.close();
      }
    });
  },
);

describe("restore of a bad file", () => {
  it("refuses it and changes nothing", async () => {
    const database = await freshDatabase("pglite");
    try {
      await seed(database);
      const before = await snapshot(database);
      const file = join(dir, "not-a-backup.gz");
      await writeFile(file, "hello");
      const error = await restoreDatabase({ db: database.db, file }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).userMessage).toContain("ใช้ไม่ได้");
      expect(await snapshot(database)).toEqual(before);
    } finally {
      await database.close();
    }
  });
});
