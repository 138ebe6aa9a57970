import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { DocumentText } from "../../../documents/measures/document-text.ts";
import { loadDocumentText } from "../../../documents/measures/load-document-text.ts";
import { loadContent } from "../../../domain/content/load-content.ts";
import type { Content } from "../../../domain/content/schema.ts";
import {
  analysisParams,
  analysisResponse,
  indicatorAnalysisParams,
  indicatorAnalysisResponse,
} from "../../../shared/analysis.ts";
import type { AppContext } from "../../app.ts";
import { assertAllowed } from "../../auth/authorize.ts";
import { requireActor } from "../../plugins/session.ts";
import { analyseAssessment } from "../../services/analyse-assessment.ts";
import { analyseIndicator } from "../../services/analyse-indicator.ts";

const base = "/api/agencies/:agencyId/assessments/:assessmentId/analysis";
const tags = ["analysis"];

export function analysisRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  const { frameworks } = context;
  // Content and the document's wording are read on first use, once per app.
  let deps: { content: Content; text: DocumentText } | undefined;
  const contentDeps = () => (deps ??= { content: loadContent(), text: loadDocumentText() });

  return async (app) => {
    app.get(
      base,
      {
        schema: {
          tags,
          summary:
            "วิเคราะห์ผลการประเมินที่มาตรการของปีนี้ตอบ / the analysis of the result these measures answer",
          description:
            "The result analysed is the latest one of an earlier fiscal year (usually the year before), as in the measures document. Without one, `result` is null and `reason` says what to enter.",
          params: analysisParams,
          response: { 200: analysisResponse },
        },
      },
      async (request) => {
        assertAllowed(requireActor(request), "assessment.read", request.params);
        return analyseAssessment({ db, frameworks, ...contentDeps(), ...request.params });
      },
    );
    app.get(
      `${base}/indicators/:indicatorId`,
      {
        schema: {
          tags,
          summary: "รายละเอียดตัวชี้วัดหนึ่งตัว / one indicator in detail",
          params: indicatorAnalysisParams,
          response: { 200: indicatorAnalysisResponse },
        },
      },
      async (request) => {
        assertAllowed(requireActor(request), "assessment.read", request.params);
        const { indicatorId, ...params } = request.params;
        return analyseIndicator({
          db,
          frameworks,
          content: contentDeps().content,
          indicator: indicatorId,
          ...params,
        });
      },
    );
  };
}
