import { and, eq } from "drizzle-orm";
import type { IssueDetail } from "../../domain/errors.ts";
import { checkResult } from "../../domain/results/check-result.ts";
import { oitIndicatorScores } from "../../domain/scoring/oit-scores.ts";
import { surveyIndicatorScores } from "../../domain/scoring/survey-scores.ts";
import { invalidError } from "../../domain/validation.ts";
import type { OitChecklistResponse } from "../../shared/oit.ts";
import { oitChecklists, results } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";
import { verdictsOf } from "./get-oit-checklist.ts";
import { type OitStepOptions, runOitStep } from "./oit-step.ts";
import { saveResult } from "./save-result.ts";
import { readTallies } from "./survey-tally-rows.ts";

/**
 * The evaluator's final word, in the confirmation window once every item has a verdict: the
 * checklist is closed and the result's OIT indicators and verdicts come from these verdicts.
 */
export async function confirmOitVerdicts(step: OitStepOptions): Promise<OitChecklistResponse> {
  const { agencyId, assessmentId, actor, now } = step;
  return runOitStep(step, { state: "submitted", windows: ["confirmation"] }, async (tx, scope) => {
    const { framework } = scope;
    const problems: IssueDetail[] = framework.oit
      .flatMap((s) => s.items)
      .filter((item) => !scope.verdicts.has(item.id))
      .map((item) => ({
        path: `items.${item.id}`,
        th: `ข้อ ${item.id} ${item.title.th}: ยังไม่มีผลการตรวจ`,
        en: `item ${item.id} ${item.title.en}: no verdict yet`,
      }));
    if (problems.length > 0)
      throw invalidError(
        "INPUT_INVALID",
        { th: "ยังยืนยันผล OIT ไม่ได้", en: "the OIT review is not complete" },
        problems,
      );
    const verdicts = verdictsOf(scope);
    const [current] = await tx
      .select()
      .from(results)
      .where(and(eq(results.agencyId, agencyId), eq(results.assessmentId, assessmentId)));
    // The other indicators stay as the result holds them; without a result, the surveys' tallies say.
    const others = current
      ? new Map(Object.entries(current.indicators).map(([k, v]) => [Number(k), v]))
      : surveyIndicatorScores(framework, await readTallies(tx, { agencyId, assessmentId }));
    const oit = oitIndicatorScores(framework, verdicts);
    const indicators = Object.fromEntries(
      framework.indicators.map((i) => [i.number, oit.get(i.number) ?? others.get(i.number) ?? 0]),
    );
    const official =
      current && current.officialOverall !== null
        ? { overall: current.officialOverall, level: current.officialLevel ?? undefined }
        : undefined;
    const check = checkResult(framework, { indicators, oit: verdicts, official }, (f) => f.kind);
    if (!check.ok)
      throw invalidError(
        "DATA_INCOMPLETE",
        { th: "บันทึกผลไม่ได้", en: "cannot store the result" },
        check.problems,
      );
    await saveResult({
      db: tx,
      actor: actor.userId,
      agencyId,
      assessmentId,
      source: current?.source ?? "computed",
      result: check.result,
      action: "result.oit_confirm",
    });
    await tx
      .update(oitChecklists)
      .set({ confirmedAt: now, confirmedBy: actor.userId })
      .where(
        and(eq(oitChecklists.agencyId, agencyId), eq(oitChecklists.assessmentId, assessmentId)),
      );
    await appendAudit({
      db: tx,
      agencyId,
      actor: actor.userId,
      action: "oit.confirm",
      entity: "oit_checklist",
      entityId: assessmentId,
      after: { confirmedAt: now.toISOString(), indicators: Object.fromEntries(oit), verdicts },
    });
  });
}
