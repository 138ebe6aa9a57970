import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../server/db/database.ts";
import { appendAudit } from "../server/services/append-audit.ts";

const bin = fileURLToPath(new URL("../../bin/prongsai.js", import.meta.url));
const agency = "6f1c2a4e-0000-4000-8000-0000000000aa";

function verify(dataDir: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(
      process.execPath,
      [bin, "audit", "verify"],
      { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" }, timeout: 120_000 },
      (error, stdout, stderr) =>
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// The embedded database belongs to one process at a time: open, change, close, then verify.
async function withDatabase(
  dataDir: string,
  work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<void>,
) {
  const database = await openDatabase({ dataDir });
  try {
    await database.migrate();
    await work(database);
  } finally {
    await database.close();
  }
}

describe("prongsai audit verify", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "prongsai-audit-"));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("passes an intact log and fails, naming the entry, once one is edited", async () => {
    await withDatabase(dataDir, async ({ db }) => {
      for (let i = 1; i <= 3; i++)
        await db.transaction((tx) =>
          appendAudit({
            db: tx,
            agencyId: agency,
            actor: "admin",
            action: "agency.update",
            entity: "agency",
            entityId: agency,
            after: { step: i },
          }),
        );
    });
    const intact = await verify(dataDir);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain("3 รายการ / entries");

    await withDatabase(dataDir, async ({ db }) => {
      await db.execute(sql`update audit_log set actor = 'someone else' where seq = 2`);
    });
    const broken = await verify(dataDir);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("AUDIT_BROKEN");
    expect(broken.stderr).toContain(`${agency}#2`);
    expect(broken.stderr).toContain("entry 2 was changed after it was written");
  });
});
