import { and, eq, inArray } from "drizzle-orm";
import { DomainError } from "../../domain/errors.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import type { OitCheckRun } from "../../shared/oit-check.ts";
import type { Db } from "../db/database.ts";
import { oitCheckRuns } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";
import { toOitCheckRun } from "./oit-check-runs.ts";
import type { OitChecker } from "./oit-checker.ts";
import { loadOitScope } from "./oit-scope.ts";

/**
 * Queues a website check of the assessment (one at a time per assessment) and hands it to `run`,
 * which works in the background; the page follows the run's progress.
 */
export async function startOitCheck({
  db,
  frameworks,
  checker,
  agencyId,
  assessmentId,
  actor,
  now,
  run,
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  checker: OitChecker | undefined;
  agencyId: string;
  assessmentId: string;
  actor: string;
  now: Date;
  run: (runId: string) => void;
}): Promise<OitCheckRun> {
  const row = await db.transaction(async (tx) => {
    await loadOitScope({ db: tx, frameworks, agencyId, assessmentId, now, lock: true });
    if (!checker)
      // A 4xx: the request is fine, this server cannot serve it yet; nothing is queued.
      throw new DomainError("CONFLICT", "no website checker is configured on this server", {
        userMessage: "ระบบนี้ยังไม่ได้ติดตั้งตัวตรวจเว็บไซต์อัตโนมัติ กรุณาแจ้งผู้ดูแลระบบ",
      });
    const [busy] = await tx
      .select({ id: oitCheckRuns.id })
      .from(oitCheckRuns)
      .where(
        and(
          eq(oitCheckRuns.agencyId, agencyId),
          eq(oitCheckRuns.assessmentId, assessmentId),
          inArray(oitCheckRuns.status, ["queued", "running"]),
        ),
      );
    if (busy)
      throw new DomainError("CONFLICT", `check ${busy.id} is still running`, {
        userMessage: "กำลังตรวจเว็บไซต์อยู่ กรุณารอให้รอบนี้เสร็จก่อน",
      });
    const [created] = await tx
      .insert(oitCheckRuns)
      .values({ agencyId, assessmentId, createdBy: actor })
      .returning();
    if (!created) throw new Error("insert returned no check run");
    await appendAudit({
      db: tx,
      agencyId,
      actor,
      action: "oit.check_start",
      entity: "oit_check_run",
      entityId: created.id,
      after: { assessmentId, status: created.status },
    });
    return created;
  });
  run(row.id);
  return toOitCheckRun(row);
}
