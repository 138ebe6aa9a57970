import { sql } from "drizzle-orm";
import type { IssueDetail } from "../../domain/errors.ts";
import { invalidError } from "../../domain/validation.ts";
import type { OitAnswersBody, OitChecklistResponse } from "../../shared/oit.ts";
import { oitAnswers } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";
import { ensureChecklist, itemsOf } from "./oit-scope.ts";
import { type OitStepOptions, runOitStep } from "./oit-step.ts";
import { urlProblems } from "./oit-url-problems.ts";

/** Saves draft answers of the listed items (the others stay as they are) until submission. */
export async function saveOitAnswers({
  body,
  ...step
}: OitStepOptions & { body: OitAnswersBody }): Promise<OitChecklistResponse> {
  const { agencyId, assessmentId, actor } = step;
  return runOitStep(step, { state: "draft", windows: ["oit-submission"] }, async (tx, scope) => {
    const problems: IssueDetail[] = [];
    const items = itemsOf(
      scope.framework,
      body.answers.map((a) => a.itemId),
      "body.answers",
      problems,
    );
    for (const [i, a] of body.answers.entries())
      problems.push(...urlProblems(a.urls, `body.answers.${i}.urls`));
    if (problems.length > 0) throw invalidError("INPUT_INVALID", subject, problems);
    await ensureChecklist(tx, agencyId, assessmentId);
    for (const [i, answer] of body.answers.entries()) {
      const itemId = items[i]?.id ?? answer.itemId;
      const before = scope.answers.get(itemId);
      const after = { has: answer.has, urls: answer.urls, explanation: answer.explanation };
      await tx
        .insert(oitAnswers)
        .values({ agencyId, assessmentId, itemId, ...after, updatedBy: actor.userId })
        .onConflictDoUpdate({
          target: [oitAnswers.agencyId, oitAnswers.assessmentId, oitAnswers.itemId],
          set: { ...after, updatedAt: sql`now()`, updatedBy: actor.userId },
        });
      await appendAudit({
        db: tx,
        agencyId,
        actor: actor.userId,
        action: "oit.answer",
        entity: "oit_answer",
        entityId: `${assessmentId}/${itemId}`,
        before: before
          ? { has: before.has, urls: before.urls, explanation: before.explanation }
          : undefined,
        after,
      });
    }
  });
}

const subject = { th: "คำตอบแบบ OIT ไม่ถูกต้อง", en: "invalid OIT answers" };
