import { and, eq } from "drizzle-orm";
import type { IssueDetail } from "../../domain/errors.ts";
import { invalidError } from "../../domain/validation.ts";
import type { OitChecklistResponse } from "../../shared/oit.ts";
import { oitChecklists } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";
import { ensureChecklist } from "./oit-scope.ts";
import { type OitStepOptions, runOitStep } from "./oit-step.ts";

/** Submits the checklist for review: every item answered, every "has" with a link; then locked. */
export async function submitOitChecklist(step: OitStepOptions): Promise<OitChecklistResponse> {
  const { agencyId, assessmentId, actor, now } = step;
  return runOitStep(step, { state: "draft", windows: ["oit-submission"] }, async (tx, scope) => {
    const problems: IssueDetail[] = [];
    for (const item of scope.framework.oit.flatMap((s) => s.items)) {
      const answer = scope.answers.get(item.id);
      if (answer?.has === undefined || answer.has === null)
        problems.push({
          path: `items.${item.id}`,
          th: `ข้อ ${item.id} ${item.title.th}: ยังไม่ได้ตอบว่ามีหรือไม่มี`,
          en: `item ${item.id} ${item.title.en}: not answered yet`,
        });
      else if (answer.has && answer.urls.length === 0)
        problems.push({
          path: `items.${item.id}.urls`,
          th: `ข้อ ${item.id} ${item.title.th}: ตอบว่ามี แต่ยังไม่ได้ใส่ลิงก์หลักฐาน`,
          en: `item ${item.id} ${item.title.en}: answered "has" without a link`,
        });
    }
    if (problems.length > 0)
      throw invalidError(
        "INPUT_INVALID",
        { th: "ยังส่งแบบ OIT ไม่ได้", en: "the OIT checklist is not complete" },
        problems,
      );
    await ensureChecklist(tx, agencyId, assessmentId);
    await tx
      .update(oitChecklists)
      .set({ submittedAt: now, submittedBy: actor.userId })
      .where(
        and(eq(oitChecklists.agencyId, agencyId), eq(oitChecklists.assessmentId, assessmentId)),
      );
    await appendAudit({
      db: tx,
      agencyId,
      actor: actor.userId,
      action: "oit.submit",
      entity: "oit_checklist",
      entityId: assessmentId,
      after: { submittedAt: now.toISOString(), answered: scope.answers.size },
    });
  });
}
