import enApp from "./messages/en/app.json" with { type: "json" };
import enAudit from "./messages/en/audit.json" with { type: "json" };
import enDocuments from "./messages/en/documents.json" with { type: "json" };
import thApp from "./messages/th/app.json" with { type: "json" };
import thAudit from "./messages/th/audit.json" with { type: "json" };
import thDocuments from "./messages/th/documents.json" with { type: "json" };

// One file per feature and language; each feature's messages sit under its own key.
export const resources = {
  th: { translation: { ...thApp, documents: thDocuments, audit: thAudit } },
  en: { translation: { ...enApp, documents: enDocuments, audit: enAudit } },
} as const;
