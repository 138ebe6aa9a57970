import { and, eq, sql } from "drizzle-orm";
import type { IssueDetail } from "../../domain/errors.ts";
import { invalidError } from "../../domain/validation.ts";
import type { OitChecklistResponse, OitClarificationsBody } from "../../shared/oit.ts";
import { oitAnswers } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";
import { itemsOf } from "./oit-scope.ts";
import { type OitStepOptions, runOitStep } from "./oit-step.ts";
import { urlProblems } from "./oit-url-problems.ts";

/** The agency's clarification of items that failed, only in the clarification window. */
export async function saveOitClarifications({
  body,
  ...step
}: OitStepOptions & { body: OitClarificationsBody }): Promise<OitChecklistResponse> {
  const { agencyId, assessmentId, actor } = step;
  return runOitStep(step, { state: "submitted", windows: ["clarification"] }, async (tx, scope) => {
    const problems: IssueDetail[] = [];
    const list = body.clarifications;
    const items = itemsOf(
      scope.framework,
      list.map((c) => c.itemId),
      "body.clarifications",
      problems,
    );
    list.forEach((c, i) => {
      const item = items[i];
      if (item && scope.verdicts.get(item.id)?.verdict !== "fail")
        problems.push({
          path: `body.clarifications.${i}.itemId`,
          th: `ข้อ ${item.id} ไม่ได้ถูกตัดสินว่าไม่ผ่าน จึงไม่ต้องชี้แจง`,
          en: `item ${item.id} did not fail, so there is nothing to clarify`,
        });
      problems.push(...urlProblems(c.urls, `body.clarifications.${i}.urls`));
    });
    if (problems.length > 0)
      throw invalidError(
        "INPUT_INVALID",
        { th: "คำชี้แจงไม่ถูกต้อง", en: "invalid clarifications" },
        problems,
      );
    for (const [i, c] of list.entries()) {
      const itemId = items[i]?.id ?? c.itemId;
      const before = scope.answers.get(itemId);
      const after = { clarification: c.text, clarificationUrls: c.urls };
      await tx
        .update(oitAnswers)
        .set({ ...after, updatedAt: sql`now()`, updatedBy: actor.userId })
        .where(
          and(
            eq(oitAnswers.agencyId, agencyId),
            eq(oitAnswers.assessmentId, assessmentId),
            eq(oitAnswers.itemId, itemId),
          ),
        );
      await appendAudit({
        db: tx,
        agencyId,
        actor: actor.userId,
        action: "oit.clarify",
        entity: "oit_answer",
        entityId: `${assessmentId}/${itemId}`,
        before: {
          clarification: before?.clarification ?? null,
          clarificationUrls: before?.clarificationUrls ?? [],
        },
        after,
      });
    }
  });
}
