import type { Framework } from "../../domain/framework/schema.ts";
import {
  type OitVerdicts,
  oitIndicatorScores,
  subIndicatorScores,
} from "../../domain/scoring/oit-scores.ts";
import type { OitChecklistResponse } from "../../shared/oit.ts";
import { type Actor, authorize } from "../auth/authorize.ts";
import type { Db } from "../db/database.ts";
import { loadOitScope, type OitScope, oitState } from "./oit-scope.ts";

/** The checklist with answers, findings and (when the caller may see them) verdicts and the score. */
export async function getOitChecklist({
  db,
  frameworks,
  agencyId,
  assessmentId,
  now,
  actor,
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  agencyId: string;
  assessmentId: string;
  now: Date;
  actor: Actor;
}): Promise<OitChecklistResponse> {
  const scope = await loadOitScope({ db, frameworks, agencyId, assessmentId, now });
  return toOitChecklistResponse(scope, verdictsVisibleTo(actor, scope));
}

/**
 * Evaluators see their verdicts at once; the agency from the clarification window on, or once
 * confirmed, so a half-done review is not read as a result.
 */
export function verdictsVisibleTo(actor: Actor, scope: OitScope): boolean {
  if (authorize(actor, "oit.review", { agencyId: scope.agencyId }).allowed) return true;
  const clarification = scope.windows.find((w) => w.id === "clarification");
  return oitState(scope) === "confirmed" || clarification?.status !== "upcoming";
}

/** The verdicts given so far, by item id. */
export function verdictsOf(scope: OitScope): OitVerdicts {
  return Object.fromEntries([...scope.verdicts].map(([id, v]) => [id, v.verdict]));
}

/** Indicators 9–10 and their sub-indicators by the framework's OIT rule (oit-scores.ts). */
export function oitScore(framework: Framework, verdicts: OitVerdicts, final: boolean) {
  const indicators = oitIndicatorScores(framework, verdicts);
  const subs = new Map(framework.oit.map((s) => [s.id, s]));
  return {
    final,
    indicators: [...indicators].map(([number, score]) => ({
      number,
      name: framework.indicators.find((i) => i.number === number)?.name ?? {
        th: String(number),
        en: String(number),
      },
      score,
    })),
    subIndicators: subIndicatorScores(framework, verdicts).map((s) => ({
      id: s.id,
      indicator: s.indicator,
      name: subs.get(s.id)?.name ?? { th: s.id, en: s.id },
      passed: s.passed,
      items: s.items,
      score: s.score,
    })),
  };
}

export function toOitChecklistResponse(scope: OitScope, visible: boolean): OitChecklistResponse {
  const { framework, checklist } = scope;
  const total = framework.oit.reduce((n, s) => n + s.items.length, 0);
  const answered = [...scope.answers.values()].filter((a) => a.has !== null).length;
  const state = oitState(scope);
  return {
    assessmentId: scope.assessmentId,
    fiscalYear: scope.fiscalYear,
    frameworkId: framework.id,
    today: scope.today,
    status: state,
    submittedAt: checklist?.submittedAt?.toISOString() ?? null,
    confirmedAt: checklist?.confirmedAt?.toISOString() ?? null,
    windows: scope.windows,
    progress: { answered, total, verdicts: scope.verdicts.size },
    verdictsVisible: visible,
    subIndicators: framework.oit.map((sub) => ({
      id: sub.id,
      indicator: sub.indicator,
      name: sub.name,
      items: sub.items.map((item) => {
        const answer = scope.answers.get(item.id);
        const verdict = visible ? scope.verdicts.get(item.id) : undefined;
        const check = scope.checks.get(item.id);
        return {
          id: item.id,
          topic: item.topic,
          title: item.title,
          elements: item.elements,
          year: item.year,
          answer: answer
            ? {
                has: answer.has,
                urls: answer.urls,
                explanation: answer.explanation,
                clarification: answer.clarification,
                clarificationUrls: answer.clarificationUrls,
                updatedAt: answer.updatedAt.toISOString(),
              }
            : null,
          verdict: verdict
            ? {
                verdict: verdict.verdict,
                comment: verdict.comment,
                decidedAt: verdict.decidedAt.toISOString(),
              }
            : null,
          check: check
            ? {
                status: check.status,
                url: check.url,
                reason: check.reason,
                reasonEn: check.reasonEn,
                checkedAt: check.checkedAt.toISOString(),
                sha256: check.sha256,
              }
            : null,
        };
      }),
    })),
    score:
      visible && scope.verdicts.size > 0
        ? oitScore(framework, verdictsOf(scope), state === "confirmed")
        : null,
  };
}
