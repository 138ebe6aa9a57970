import enAnalysis from "./messages/en/analysis.json" with { type: "json" };
import enApp from "./messages/en/app.json" with { type: "json" };
import enAudit from "./messages/en/audit.json" with { type: "json" };
import enDocuments from "./messages/en/documents.json" with { type: "json" };
import enMeasures from "./messages/en/measures.json" with { type: "json" };
import enNational from "./messages/en/national.json" with { type: "json" };
import enOit from "./messages/en/oit.json" with { type: "json" };
import enProgress from "./messages/en/progress.json" with { type: "json" };
import enResults from "./messages/en/results.json" with { type: "json" };
import enSurveys from "./messages/en/surveys.json" with { type: "json" };
import thAnalysis from "./messages/th/analysis.json" with { type: "json" };
import thApp from "./messages/th/app.json" with { type: "json" };
import thAudit from "./messages/th/audit.json" with { type: "json" };
import thDocuments from "./messages/th/documents.json" with { type: "json" };
import thMeasures from "./messages/th/measures.json" with { type: "json" };
import thNational from "./messages/th/national.json" with { type: "json" };
import thOit from "./messages/th/oit.json" with { type: "json" };
import thProgress from "./messages/th/progress.json" with { type: "json" };
import thResults from "./messages/th/results.json" with { type: "json" };
import thSurveys from "./messages/th/surveys.json" with { type: "json" };

// One file per feature and language; each feature's messages sit under its own key.
export const resources = {
  th: {
    translation: {
      ...thApp,
      results: thResults,
      analysis: thAnalysis,
      measures: thMeasures,
      progress: thProgress,
      documents: thDocuments,
      audit: thAudit,
      surveys: thSurveys,
      oit: thOit,
      national: thNational,
    },
  },
  en: {
    translation: {
      ...enApp,
      results: enResults,
      analysis: enAnalysis,
      measures: enMeasures,
      progress: enProgress,
      documents: enDocuments,
      audit: enAudit,
      surveys: enSurveys,
      oit: enOit,
      national: enNational,
    },
  },
} as const;
