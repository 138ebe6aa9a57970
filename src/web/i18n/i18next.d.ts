import "i18next";
import type th from "./messages/th.json";

// Message keys are checked at compile time against the Thai file, the reference language.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof th };
  }
}
