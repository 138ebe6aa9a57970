import { and, asc, eq } from "drizzle-orm";
import type { PdfRenderer } from "../../documents/pdf/render-pdf.ts";
import { surveyCardsHtml } from "../../documents/survey-print/survey-cards-html.ts";
import { loadSurveyPrintText } from "../../documents/survey-print/survey-print-text.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import type { Db } from "../db/database.ts";
import { surveyCodes } from "../db/schema.ts";
import { loadSurveyScope, surveyLink, surveyOf, toolName } from "./survey-scope.ts";

/** The cards of one print run as an A4 PDF, ten to a sheet; a batch this survey lacks is 404. */
export async function printSurveyCodes({
  db,
  frameworks,
  pdf,
  agencyId,
  assessmentId,
  tool,
  batch,
  origin,
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  pdf: () => Promise<PdfRenderer>;
  agencyId: string;
  assessmentId: string;
  tool: string;
  batch: number;
  origin: string;
}): Promise<Buffer> {
  const scope = await loadSurveyScope({ db, frameworks, agencyId, assessmentId });
  const survey = surveyOf(scope, tool);
  const rows = await db
    .select({ code: surveyCodes.code })
    .from(surveyCodes)
    .where(
      and(
        eq(surveyCodes.agencyId, agencyId),
        eq(surveyCodes.assessmentId, assessmentId),
        eq(surveyCodes.tool, tool),
        eq(surveyCodes.batch, batch),
      ),
    )
    .orderBy(asc(surveyCodes.code));
  if (rows.length === 0)
    throw new DomainError("INPUT_NOT_FOUND", `no batch ${batch} of ${tool} codes`, {
      userMessage: `ไม่พบรหัสชุดที่ ${batch} ของแบบวัด ${tool}`,
    });
  const html = await surveyCardsHtml({
    agencyName: scope.agencyName,
    toolName: toolName(scope.framework, tool).th,
    link: surveyLink(origin, survey),
    codes: rows.map((r) => r.code),
    text: loadSurveyPrintText(),
  });
  return (await pdf()).printHtml(html);
}
