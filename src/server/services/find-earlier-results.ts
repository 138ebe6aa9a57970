import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { assessments, results } from "../db/schema.ts";

/** A stored result of an earlier fiscal year, with the year and framework of its assessment. */
export interface EarlierResult {
  fiscalYear: number;
  frameworkId: string;
  result: typeof results.$inferSelect;
}

/**
 * The agency's results of years before `fiscalYear`, newest first. Measures of year N answer the
 * first of them (ADR 0005): the document, the measure checks and the analysis all read this list.
 */
export async function findEarlierResults({
  db,
  agencyId,
  fiscalYear,
}: {
  db: Db;
  agencyId: string;
  fiscalYear: number;
}): Promise<EarlierResult[]> {
  return db
    .select({
      fiscalYear: assessments.fiscalYear,
      frameworkId: assessments.frameworkId,
      result: results,
    })
    .from(results)
    .innerJoin(
      assessments,
      and(eq(assessments.agencyId, results.agencyId), eq(assessments.id, results.assessmentId)),
    )
    .where(and(eq(results.agencyId, agencyId), lt(assessments.fiscalYear, fiscalYear)))
    .orderBy(desc(assessments.fiscalYear));
}

/** What to do when measures of `fiscalYear` have no earlier result to answer yet. */
export function noEarlierResult(fiscalYear: number): { th: string; en: string } {
  return {
    th: `ยังไม่มีผลการประเมิน ITA ของปีก่อนปีงบประมาณ ${fiscalYear} ให้บันทึกหรือนำเข้าผลการประเมินของปี ${fiscalYear - 1} ก่อน`,
    en: `no ITA result of a year before ${fiscalYear} yet: enter or import the ${fiscalYear - 1} result first`,
  };
}
