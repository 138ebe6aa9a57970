import type { Framework } from "../../domain/framework/schema.ts";
import { addDays } from "../../domain/plan/reminder-days.ts";
import type { Db } from "../db/database.ts";
import { oitAnswers, oitChecklists } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";

/** How many of the first items the demo's coordinator has already answered in draft. */
const DEMO_ANSWERED = 5;

/**
 * The demo's latest year: its OIT windows moved to the seed day (the framework's lie in the past),
 * submission and checking open at once so both can be tried, and a few draft answers.
 */
export async function seedDemoOit({
  db,
  framework,
  agencyId,
  assessmentId,
  website,
  today,
}: {
  db: Db;
  framework: Framework;
  agencyId: string;
  assessmentId: string;
  website: string;
  today: string;
}): Promise<void> {
  const windows = {
    "oit-submission": { start: today, end: addDays(today, 30) },
    "oit-scoring": { start: today, end: addDays(today, 60) },
    clarification: { start: addDays(today, 61), end: addDays(today, 75) },
    confirmation: { start: addDays(today, 76), end: addDays(today, 90) },
  };
  await db.insert(oitChecklists).values({ agencyId, assessmentId, windows });
  const items = framework.oit.flatMap((s) => s.items).slice(0, DEMO_ANSWERED);
  for (const item of items) {
    const answer = {
      has: true,
      urls: [`${website.replace(/\/+$/, "")}/ita/${item.topic}`],
      explanation: `เผยแพร่${item.title.th}บนเว็บไซต์หลักของหน่วยงาน`,
    };
    await db
      .insert(oitAnswers)
      .values({ agencyId, assessmentId, itemId: item.id, ...answer, updatedBy: "demo-seed" });
    await appendAudit({
      db,
      agencyId,
      actor: "demo-seed",
      action: "oit.answer",
      entity: "oit_answer",
      entityId: `${assessmentId}/${item.id}`,
      after: answer,
    });
  }
}
