import { sql } from "drizzle-orm";
import type { IssueDetail } from "../../domain/errors.ts";
import { invalidError } from "../../domain/validation.ts";
import type { OitChecklistResponse, OitVerdictsBody } from "../../shared/oit.ts";
import { oitVerdicts } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";
import { itemsOf } from "./oit-scope.ts";
import { type OitStepOptions, runOitStep } from "./oit-step.ts";

/**
 * An evaluator's pass/fail with a comment on the listed items of a submitted checklist, in the
 * scoring window or, after the agency's clarifications, the confirmation window.
 */
export async function saveOitVerdicts({
  body,
  ...step
}: OitStepOptions & { body: OitVerdictsBody }): Promise<OitChecklistResponse> {
  const { agencyId, assessmentId, actor } = step;
  return runOitStep(
    step,
    { state: "submitted", windows: ["oit-scoring", "confirmation"] },
    async (tx, scope) => {
      const problems: IssueDetail[] = [];
      const items = itemsOf(
        scope.framework,
        body.verdicts.map((v) => v.itemId),
        "body.verdicts",
        problems,
      );
      body.verdicts.forEach((v, i) => {
        // The agency can only clarify what it was told.
        if (v.verdict === "fail" && v.comment === "")
          problems.push({
            path: `body.verdicts.${i}.comment`,
            th: `ข้อ ${items[i]?.id ?? v.itemId} ไม่ผ่าน: กรุณาเขียนเหตุผลให้หน่วยงานทราบ`,
            en: `item ${items[i]?.id ?? v.itemId} fails: give the agency a reason`,
          });
      });
      if (problems.length > 0)
        throw invalidError(
          "INPUT_INVALID",
          { th: "ผลการตรวจ OIT ไม่ถูกต้อง", en: "invalid OIT verdicts" },
          problems,
        );
      for (const [i, v] of body.verdicts.entries()) {
        const itemId = items[i]?.id ?? v.itemId;
        const before = scope.verdicts.get(itemId);
        const after = { verdict: v.verdict, comment: v.comment };
        await tx
          .insert(oitVerdicts)
          .values({ agencyId, assessmentId, itemId, ...after, decidedBy: actor.userId })
          .onConflictDoUpdate({
            target: [oitVerdicts.agencyId, oitVerdicts.assessmentId, oitVerdicts.itemId],
            set: { ...after, decidedAt: sql`now()`, decidedBy: actor.userId },
          });
        await appendAudit({
          db: tx,
          agencyId,
          actor: actor.userId,
          action: "oit.verdict",
          entity: "oit_verdict",
          entityId: `${assessmentId}/${itemId}`,
          before: before ? { verdict: before.verdict, comment: before.comment } : undefined,
          after,
        });
      }
    },
  );
}
