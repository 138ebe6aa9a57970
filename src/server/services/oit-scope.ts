import { and, eq } from "drizzle-orm";
import { DomainError, type IssueDetail } from "../../domain/errors.ts";
import { findOitItem } from "../../domain/framework/lookup.ts";
import type { Framework, OitItem } from "../../domain/framework/schema.ts";
import { type OitWindow, type OitWindowId, oitWindows } from "../../domain/oit/oit-windows.ts";
import { bangkokDay } from "../../domain/thai/bangkok-day.ts";
import type { Db } from "../db/database.ts";
import { assessments, oitAnswers, oitChecklists, oitChecks, oitVerdicts } from "../db/schema.ts";
import { assessmentNotFound } from "./find-assessment.ts";
import { frameworkOf } from "./survey-rows.ts";

export type OitChecklistRow = typeof oitChecklists.$inferSelect;
export type OitAnswerRow = typeof oitAnswers.$inferSelect;
export type OitVerdictRow = typeof oitVerdicts.$inferSelect;
export type OitCheckRow = typeof oitChecks.$inferSelect;

/** An assessment's OIT with everything the OIT use cases read beside it. */
export interface OitScope {
  agencyId: string;
  assessmentId: string;
  fiscalYear: number;
  framework: Framework;
  today: string;
  checklist: OitChecklistRow | null;
  windows: OitWindow[];
  answers: Map<string, OitAnswerRow>;
  verdicts: Map<string, OitVerdictRow>;
  checks: Map<string, OitCheckRow>;
}

/** Loads the assessment (404 for another agency's id) and its OIT rows; `lock` for writers. */
export async function loadOitScope({
  db,
  frameworks,
  agencyId,
  assessmentId,
  now,
  lock = false,
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  agencyId: string;
  assessmentId: string;
  now: Date;
  /** Lock the assessment's row, so concurrent submissions and confirmations take turns. */
  lock?: boolean;
}): Promise<OitScope> {
  const query = db
    .select()
    .from(assessments)
    .where(and(eq(assessments.agencyId, agencyId), eq(assessments.id, assessmentId)));
  const [assessment] = lock ? await query.for("update") : await query;
  if (!assessment) throw assessmentNotFound(agencyId, assessmentId);
  const framework = frameworkOf(frameworks, assessment.frameworkId);
  const [checklist] = await db
    .select()
    .from(oitChecklists)
    .where(and(eq(oitChecklists.agencyId, agencyId), eq(oitChecklists.assessmentId, assessmentId)));
  const answers = await db
    .select()
    .from(oitAnswers)
    .where(and(eq(oitAnswers.agencyId, agencyId), eq(oitAnswers.assessmentId, assessmentId)));
  const verdicts = await db
    .select()
    .from(oitVerdicts)
    .where(and(eq(oitVerdicts.agencyId, agencyId), eq(oitVerdicts.assessmentId, assessmentId)));
  const checks = await db
    .select()
    .from(oitChecks)
    .where(and(eq(oitChecks.agencyId, agencyId), eq(oitChecks.assessmentId, assessmentId)));
  const today = bangkokDay(now);
  return {
    agencyId,
    assessmentId,
    fiscalYear: assessment.fiscalYear,
    framework,
    today,
    checklist: checklist ?? null,
    windows: oitWindows(framework, checklist?.windows ?? null, today),
    answers: new Map(answers.map((a) => [a.itemId, a])),
    verdicts: new Map(verdicts.map((v) => [v.itemId, v])),
    checks: new Map(checks.map((c) => [c.itemId, c])),
  };
}

/** Refuses (409) outside one of the given windows, naming the window and its days in Thai. */
export function assertWindowOpen(scope: OitScope, ...ids: OitWindowId[]): void {
  const windows = scope.windows.filter((w) => ids.includes(w.id));
  if (windows.some((w) => w.status === "current")) return;
  const days = windows.map((w) => `${w.name.th} ${w.start} ถึง ${w.end}`).join(" หรือ ");
  throw new DomainError("CONFLICT", `outside the ${ids.join(" or ")} window on ${scope.today}`, {
    userMessage: `ทำรายการนี้ได้เฉพาะในช่วง${days} (วันนี้ ${scope.today})`,
  });
}

export type OitState = "draft" | "submitted" | "confirmed";

export function oitState(scope: OitScope): OitState {
  if (scope.checklist?.confirmedAt) return "confirmed";
  return scope.checklist?.submittedAt ? "submitted" : "draft";
}

/** Refuses (409) unless the checklist is in the given state, saying why in Thai. */
export function assertState(scope: OitScope, wanted: OitState): void {
  const state = oitState(scope);
  if (state === wanted) return;
  const th: Record<OitState, string> = {
    draft: "หน่วยงานยังไม่ได้ส่งแบบ OIT",
    submitted: "หน่วยงานส่งแบบ OIT แล้ว จึงแก้ไขคำตอบไม่ได้",
    confirmed: "ผู้ประเมินยืนยันผล OIT แล้ว จึงแก้ไขไม่ได้",
  };
  throw new DomainError("CONFLICT", `the OIT checklist is ${state}, not ${wanted}`, {
    userMessage: th[state],
  });
}

/**
 * The framework's item for each given id (any case), listing unknown and repeated ids as problems
 * at `${path}.${index}.itemId`.
 */
export function itemsOf(
  framework: Framework,
  ids: readonly string[],
  path: string,
  problems: IssueDetail[],
): (OitItem | undefined)[] {
  const seen = new Set<string>();
  return ids.map((id, index) => {
    const item = findOitItem(framework, id);
    const at = `${path}.${index}.itemId`;
    if (!item)
      problems.push({
        path: at,
        th: `กรอบการประเมิน ${framework.id} ไม่มีข้อ OIT ${id}`,
        en: `framework ${framework.id} has no OIT item ${id}`,
      });
    else if (seen.has(item.id))
      problems.push({
        path: at,
        th: `ข้อ ${item.id} ถูกระบุซ้ำ`,
        en: `item ${item.id} is given twice`,
      });
    else seen.add(item.id);
    return item;
  });
}

/** The OIT checklist row of the assessment, made on first write. */
export async function ensureChecklist(
  db: Db,
  agencyId: string,
  assessmentId: string,
): Promise<void> {
  await db.insert(oitChecklists).values({ agencyId, assessmentId }).onConflictDoNothing();
}
