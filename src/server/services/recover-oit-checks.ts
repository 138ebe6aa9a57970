import { inArray } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { oitCheckRuns } from "../db/schema.ts";
import { failRun } from "./run-oit-check.ts";

/**
 * After a restart: a run that was running is marked failed (its crawl is lost with the process),
 * and queued runs are handed to `run` again. Returns how many of each.
 */
export async function recoverOitChecks({
  db,
  run,
}: {
  db: Db;
  run: (agencyId: string, runId: string) => void;
}): Promise<{ failed: number; resumed: number }> {
  const left = await db
    .select()
    .from(oitCheckRuns)
    .where(inArray(oitCheckRuns.status, ["queued", "running"]));
  let failed = 0;
  for (const r of left.filter((r) => r.status === "running")) {
    await failRun(
      db,
      r.agencyId,
      r.id,
      r.createdBy,
      "ตรวจเว็บไซต์ไม่สำเร็จ: ระบบเริ่มทำงานใหม่ระหว่างตรวจ กรุณาสั่งตรวจอีกครั้ง",
    );
    failed++;
  }
  const queued = left.filter((r) => r.status === "queued");
  for (const r of queued) run(r.agencyId, r.id);
  return { failed, resumed: queued.length };
}
