import { sql } from "drizzle-orm";
import { DomainError } from "../../domain/errors.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import { surveyGroups, surveyTools } from "../../domain/survey/survey-form.ts";
import type { Actor } from "../auth/authorize.ts";
import { type Db, queryRows } from "../db/database.ts";
import { findAssessment } from "./find-assessment.ts";
import { assertSurveyResultsVisible } from "./survey-results-visibility.ts";
import { ensureSurveys, frameworkOf } from "./survey-rows.ts";

/** One column of the export: a scored item, its question's text and its options' Thai labels. */
export interface ExportColumn {
  itemId: string;
  text: string;
  labels: ReadonlyMap<string, string>;
}

/** One exported response: nothing but its channel and answers (no id, key, day or flag). */
export interface ExportedResponse {
  channel: string;
  answers: Record<string, string>;
}

export interface SurveyExport {
  tool: string;
  fiscalYear: number;
  columns: ExportColumn[];
  /** Pages of responses in random order (by their random id), read as they are consumed. */
  pages: () => AsyncGenerator<ExportedResponse[]>;
}

/** The scored items of a tool in the framework's order, with what a reader needs to see. */
export function surveyExportColumns(framework: Framework, tool: string): ExportColumn[] {
  return surveyGroups(framework, tool).flatMap((group) =>
    group.questions.flatMap(({ question, scale, itemIds }) => {
      const labels = new Map(scale.options.map((o) => [o.id, o.label.th]));
      return itemIds.map((itemId) => {
        const sub = question.subItems.find((s) => s.id === itemId);
        return { itemId, labels, text: sub ? `${question.text} — ${sub.text}` : question.text };
      });
    }),
  );
}

/**
 * Prepares the anonymous export of one tool's responses: the assessment must be this agency's,
 * the tool one of its framework's surveys, and the results visible to the caller now.
 */
export async function exportSurveyResponses({
  db,
  frameworks,
  actor,
  agencyId,
  assessmentId,
  tool,
  today,
  pageSize = 500,
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  actor: Actor;
  agencyId: string;
  assessmentId: string;
  tool: string;
  today: string;
  pageSize?: number;
}): Promise<SurveyExport> {
  const assessment = await findAssessment({ db, agencyId, assessmentId });
  const framework = frameworkOf(frameworks, assessment.frameworkId);
  if (!surveyTools(framework).includes(tool))
    throw new DomainError("INPUT_INVALID", `${framework.id} has no survey ${tool}`, {
      userMessage: `กรอบการประเมิน ${framework.id} ไม่มีแบบวัด ${tool}`,
      details: [
        {
          path: "tool",
          th: `เลือกแบบวัดที่มี: ${surveyTools(framework).join(", ")}`,
          en: `choose one of ${surveyTools(framework).join(", ")}`,
        },
      ],
    });
  const surveys = await ensureSurveys({ db, framework, agencyId, assessmentId });
  assertSurveyResultsVisible({
    actor,
    agencyId,
    framework,
    surveys: surveys.filter((s) => s.tool === tool),
    today,
  });
  return {
    tool,
    fiscalYear: assessment.fiscalYear,
    columns: surveyExportColumns(framework, tool),
    pages: () => responsePages({ db, agencyId, assessmentId, tool, pageSize }),
  };
}

/** Keyset pages by the random id, so memory holds one page whatever the number of responses. */
async function* responsePages({
  db,
  agencyId,
  assessmentId,
  tool,
  pageSize,
}: {
  db: Db;
  agencyId: string;
  assessmentId: string;
  tool: string;
  pageSize: number;
}): AsyncGenerator<ExportedResponse[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await queryRows<{ id: string; channel: string; answers: Record<string, string> }>(
      db,
      sql`select id, channel, answers from survey_responses
           where agency_id = ${agencyId} and assessment_id = ${assessmentId} and tool = ${tool}
             ${after ? sql`and id > ${after}` : sql``}
           order by id limit ${pageSize}`,
    );
    if (rows.length === 0) return;
    after = rows[rows.length - 1]?.id;
    yield rows.map(({ channel, answers }) => ({ channel, answers }));
    if (rows.length < pageSize) return;
  }
}
