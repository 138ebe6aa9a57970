import "i18next";
import type { resources } from "./resources.ts";

// Message keys are checked at compile time against the Thai file, the reference language.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: (typeof resources)["th"];
  }
}
