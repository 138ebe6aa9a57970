import { eq } from "drizzle-orm";
import { getFramework } from "../../domain/framework/load-frameworks.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import { invalidError } from "../../domain/validation.ts";
import type { OpenYearResponse } from "../../shared/assessment.ts";
import type { Db } from "../db/database.ts";
import { agencies, assessments } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";

export interface OpenFiscalYearOptions {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  actor: string;
  fiscalYear: number;
  /** Defaults to ita-<fiscalYear>. */
  frameworkId?: string | undefined;
  /** Defaults to every registered agency. */
  agencyIds?: readonly string[] | undefined;
}

// Rows per INSERT statement, well under PostgreSQL's 65,535 bound parameters.
const BATCH = 1000;

/** Creates the year's assessment for each agency that has none yet; all or nothing, each audited. */
export async function openFiscalYear(options: OpenFiscalYearOptions): Promise<OpenYearResponse> {
  const { db, fiscalYear, actor } = options;
  const framework = getFramework(options.frameworkId ?? `ita-${fiscalYear}`, options.frameworks);
  if (framework.fiscalYear !== fiscalYear)
    throw invalidError("INPUT_INVALID", subject, [
      {
        path: "body.frameworkId",
        th: `กรอบ ${framework.id} เป็นของปีงบประมาณ ${framework.fiscalYear} ไม่ใช่ปี ${fiscalYear}`,
        en: `${framework.id} is the framework of ${framework.fiscalYear}, not ${fiscalYear}`,
      },
    ]);
  return db.transaction(async (tx) => {
    const registered = new Set(
      (await tx.select({ id: agencies.id }).from(agencies)).map((a) => a.id),
    );
    const wanted = options.agencyIds ? [...new Set(options.agencyIds)] : [...registered];
    const unknown = options.agencyIds?.flatMap((id, i) => (registered.has(id) ? [] : [i])) ?? [];
    if (unknown.length > 0)
      throw invalidError(
        "INPUT_INVALID",
        subject,
        unknown.map((i) => ({
          path: `body.agencyIds.${i}`,
          th: `ไม่พบหน่วยงาน ${options.agencyIds?.[i]}`,
          en: `no agency ${options.agencyIds?.[i]}`,
        })),
      );
    const existing = await tx
      .select({ agencyId: assessments.agencyId })
      .from(assessments)
      .where(eq(assessments.fiscalYear, fiscalYear));
    const opened = new Set(existing.map((e) => e.agencyId));
    const fresh = wanted.filter((id) => !opened.has(id));
    const created: (typeof assessments.$inferSelect)[] = [];
    for (let i = 0; i < fresh.length; i += BATCH) {
      const rows = fresh
        .slice(i, i + BATCH)
        .map((agencyId) => ({ agencyId, fiscalYear, frameworkId: framework.id }));
      // A concurrent opening of the same year is skipped here rather than failing the whole batch.
      created.push(
        ...(await tx.insert(assessments).values(rows).onConflictDoNothing().returning()),
      );
    }
    for (const row of created)
      await appendAudit({
        db: tx,
        agencyId: row.agencyId,
        actor,
        action: "assessment.open",
        entity: "assessment",
        entityId: row.id,
        after: { ...row, createdAt: row.createdAt.toISOString() },
      });
    const createdAgencies = new Set(created.map((row) => row.agencyId));
    const skippedAgencyIds = wanted.filter((id) => !createdAgencies.has(id));
    return {
      fiscalYear,
      frameworkId: framework.id,
      created: created.length,
      skipped: skippedAgencyIds.length,
      createdAssessments: created.map((row) => ({ agencyId: row.agencyId, assessmentId: row.id })),
      skippedAgencyIds,
    };
  });
}

const subject = { th: "เปิดปีการประเมินไม่ได้", en: "cannot open the fiscal year" };
