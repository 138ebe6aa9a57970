import type { PdfRenderer } from "../../documents/pdf/render-pdf.ts";
import { surveyPosterHtml } from "../../documents/survey-print/survey-poster-html.ts";
import { loadSurveyPrintText } from "../../documents/survey-print/survey-print-text.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import type { Db } from "../db/database.ts";
import { loadSurveyScope, surveyLink, surveyOf, toolName } from "./survey-scope.ts";

/** An A4 poster inviting people to answer: the agency, a large QR code of the link, a Thai call. */
export async function printSurveyPoster({
  db,
  frameworks,
  pdf,
  agencyId,
  assessmentId,
  tool,
  origin,
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  pdf: () => Promise<PdfRenderer>;
  agencyId: string;
  assessmentId: string;
  tool: string;
  origin: string;
}): Promise<Buffer> {
  const scope = await loadSurveyScope({ db, frameworks, agencyId, assessmentId });
  const survey = surveyOf(scope, tool);
  const html = await surveyPosterHtml({
    agencyName: scope.agencyName,
    toolName: toolName(scope.framework, tool).th,
    link: surveyLink(origin, survey),
    needsCode: survey.access === "code",
    text: loadSurveyPrintText(),
  });
  return (await pdf()).printHtml(html);
}
