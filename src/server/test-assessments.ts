import type { Db } from "./db/database.ts";
import { assessments, measures } from "./db/schema.ts";
import { createAgency } from "./services/create-agency.ts";
import { buildAgency } from "./test-factories.ts";

// Test-only factories for assessments and measures, inserted directly with Drizzle.

export async function createTestAssessment({
  db,
  agencyId,
  fiscalYear = 2566,
  frameworkId = "ita-2566",
}: {
  db: Db;
  agencyId: string;
  fiscalYear?: number;
  frameworkId?: string;
}): Promise<{ id: string; fiscalYear: number }> {
  const [row] = await db
    .insert(assessments)
    .values({ agencyId, fiscalYear, frameworkId })
    .returning({ id: assessments.id, fiscalYear: assessments.fiscalYear });
  if (!row) throw new Error("insert returned no assessment");
  return row;
}

/** Two agencies with a 2566 assessment each: A to work in, B to prove isolation against. */
export async function createTwoAgencyYears(db: Db) {
  const agency = async (name: string) =>
    (await createAgency({ db, actor: "test", agency: buildAgency({ name }) })).id;
  const a = await agency("เทศบาลตำบลเอ");
  const b = await agency("เทศบาลตำบลบี");
  const assessmentA = (await createTestAssessment({ db, agencyId: a })).id;
  const assessmentB = (await createTestAssessment({ db, agencyId: b })).id;
  return { a, b, assessmentA, assessmentB };
}

/** A valid measure body for fiscal year 2566 of `ita-2566`; override what a test is about. */
export function buildMeasure(overrides: Record<string, unknown> = {}) {
  return {
    title: "เผยแพร่ข้อมูลการจัดซื้อจัดจ้างให้ครบถ้วน",
    steps: ["รวบรวมข้อมูล", "เผยแพร่บนเว็บไซต์"],
    responsible: ["กองคลัง"],
    indicators: [9],
    oitItems: ["O20"],
    monitoring: [{ date: "2023-03-31", activity: "รายงานความก้าวหน้ารอบ 6 เดือน" }],
    startDate: "2022-10-01",
    dueDate: "2023-09-30",
    evidenceLinks: ["https://www.huaisak.go.th/procurement"],
    ...overrides,
  };
}

/** A measure row inserted directly, e.g. with a due date relative to a reminder run. */
export async function createTestMeasure({
  db,
  agencyId,
  assessmentId,
  ...fields
}: {
  db: Db;
  agencyId: string;
  assessmentId: string;
  title?: string;
  responsible?: string[];
  dueDate?: string | null;
  status?: (typeof measures.$inferInsert)["status"];
  progress?: number;
}): Promise<{ id: string }> {
  const [row] = await db
    .insert(measures)
    .values({
      agencyId,
      assessmentId,
      position: 1,
      title: "มาตรการทดสอบ",
      steps: ["ขั้นตอนเดียว"],
      responsible: ["กองคลัง"],
      indicators: [9],
      oitItems: [],
      monitoring: [],
      dueDate: "2023-03-31",
      ...fields,
    })
    .returning({ id: measures.id });
  if (!row) throw new Error("insert returned no measure");
  return row;
}
