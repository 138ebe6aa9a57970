import type { Framework } from "../../domain/framework/schema.ts";
import type { OitWindowId } from "../../domain/oit/oit-windows.ts";
import type { OitChecklistResponse } from "../../shared/oit.ts";
import type { Actor } from "../auth/authorize.ts";
import type { Db } from "../db/database.ts";
import { getOitChecklist } from "./get-oit-checklist.ts";
import {
  assertState,
  assertWindowOpen,
  loadOitScope,
  type OitScope,
  type OitState,
} from "./oit-scope.ts";

/** Who acts on which assessment's OIT, as every step of the review receives it. */
export interface OitStepOptions {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  agencyId: string;
  assessmentId: string;
  actor: Actor;
  now: Date;
}

/**
 * One step of the OIT review: in one transaction with the assessment locked, the checklist must
 * be in `state` and one of `windows` open before `write` runs. Answers the checklist as the
 * actor sees it afterwards.
 */
export async function runOitStep(
  options: OitStepOptions,
  rule: { state: OitState; windows: OitWindowId[] },
  write: (tx: Db, scope: OitScope) => Promise<void>,
): Promise<OitChecklistResponse> {
  const { db, frameworks, agencyId, assessmentId, actor, now } = options;
  await db.transaction(async (tx) => {
    const scope = await loadOitScope({
      db: tx,
      frameworks,
      agencyId,
      assessmentId,
      now,
      lock: true,
    });
    assertState(scope, rule.state);
    assertWindowOpen(scope, ...rule.windows);
    await write(tx, scope);
  });
  return getOitChecklist({ db, frameworks, agencyId, assessmentId, now, actor });
}
