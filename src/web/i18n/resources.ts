import enAnalysis from "./messages/en/analysis.json" with { type: "json" };
import enApp from "./messages/en/app.json" with { type: "json" };
import thAnalysis from "./messages/th/analysis.json" with { type: "json" };
import thApp from "./messages/th/app.json" with { type: "json" };

// One file per feature and language; each feature's messages sit under its own key.
export const resources = {
  th: { translation: { ...thApp, analysis: thAnalysis } },
  en: { translation: { ...enApp, analysis: enAnalysis } },
} as const;
