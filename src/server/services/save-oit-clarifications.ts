import { and, eq, sql } from "drizzle-orm";
import type { IssueDetail } from "../../domain/errors.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import { invalidError } from "../../domain/validation.ts";
import type { OitChecklistResponse, OitClarificationsBody } from "../../shared/oit.ts";
import type { Actor } from "../auth/authorize.ts";
import type { Db } from "../db/database.ts";
import { oitAnswers } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";
import { getOitChecklist } from "./get-oit-checklist.ts";
import { assertState, assertWindowOpen, itemsOf, loadOitScope } from "./oit-scope.ts";
import { urlProblems } from "./oit-url-problems.ts";

/** The agency's clarification of items that failed, only in the clarification window. */
export async function saveOitClarifications({
  db,
  frameworks,
  agencyId,
  assessmentId,
  body,
  actor,
  now,
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  agencyId: string;
  assessmentId: string;
  body: OitClarificationsBody;
  actor: Actor;
  now: Date;
}): Promise<OitChecklistResponse> {
  await db.transaction(async (tx) => {
    const scope = await loadOitScope({
      db: tx,
      frameworks,
      agencyId,
      assessmentId,
      now,
      lock: true,
    });
    assertState(scope, "submitted");
    assertWindowOpen(scope, "clarification");
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
  return getOitChecklist({ db, frameworks, agencyId, assessmentId, now, actor });
}
