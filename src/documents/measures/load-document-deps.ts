import { loadContent } from "../../domain/content/load-content.ts";
import { loadFrameworks } from "../../domain/framework/load-frameworks.ts";
import { loadDocumentText } from "./load-document-text.ts";
import type { MeasuresDocumentDeps } from "./prepare-measures-document.ts";

/** Frameworks and content are data shipped with the package, validated once per run. */
export function loadDocumentDeps(): MeasuresDocumentDeps {
  return { frameworks: loadFrameworks(), content: loadContent(), text: loadDocumentText() };
}
