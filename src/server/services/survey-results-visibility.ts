import { DomainError } from "../../domain/errors.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import { type Actor, assertAllowed, isNationalAdmin } from "../auth/authorize.ts";

/** The collection days of the surveys being shown (a survey row has both). */
export interface SurveyWindow {
  tool: string;
  opensOn: string;
  closesOn: string;
}

/**
 * The one rule for who may see survey results (tallies, scores, the anonymous export): the
 * `survey.results` action, and while any of the given surveys still collects answers under a
 * framework that hides scores until closing, only evaluators and national administrators, so no
 * one in the agency can push staff towards answers while they are still answering.
 */
export function assertSurveyResultsVisible({
  actor,
  agencyId,
  framework,
  surveys,
  today,
}: {
  actor: Actor;
  agencyId: string;
  framework: Framework;
  surveys: readonly SurveyWindow[];
  /** The Bangkok calendar day (YYYY-MM-DD). */
  today: string;
}): void {
  assertAllowed(actor, "survey.results", { agencyId });
  if (!framework.surveys.hideScoresUntilClosed) return;
  const collecting = surveys.filter((s) => today <= s.closesOn);
  if (collecting.length === 0 || isNationalAdmin(actor)) return;
  const evaluator = actor.memberships.some(
    (m) => m.agencyId === agencyId && m.role === "evaluator",
  );
  if (evaluator) return;
  const closesOn = collecting.map((s) => s.closesOn).sort()[collecting.length - 1];
  throw new DomainError(
    "FORBIDDEN",
    `survey results stay hidden from the agency until collection closes on ${closesOn}`,
    {
      userMessage: `ผลแบบวัดยังเปิดดูไม่ได้จนกว่าจะปิดรับคำตอบ (วันที่ ${closesOn}) เพื่อไม่ให้ผู้ตอบถูกกดดัน`,
      details: collecting.map((s) => ({
        path: s.tool,
        th: `แบบวัด ${s.tool} ยังรับคำตอบถึงวันที่ ${s.closesOn}`,
        en: `${s.tool} takes answers until ${s.closesOn}`,
      })),
    },
  );
}
